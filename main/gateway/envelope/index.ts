// Hybrid public-key envelope (RSA-OAEP-256 + AES-256-GCM) for clear card data from keyboard-wedge readers.
export { sealCardData } from './seal';
export { openCardData } from './open';
export { keyId, MIN_RSA_BITS } from './keys';
export { EnvelopeError, type EnvelopeErrorReason } from './errors';
export { decodeEnvelope, ENVELOPE_ALG, ENVELOPE_VERSION, type CardEnvelope } from './format';
