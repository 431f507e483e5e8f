// Why an envelope could not be sealed or opened. Messages never include key material or card data.

export type EnvelopeErrorReason =
  | 'invalid-input' // nothing to seal, or an empty context (an envelope must be bound to an attempt)
  | 'bad-key' // not an RSA key in PEM, shorter than 2048 bits, or the wrong kind (public vs private)
  | 'malformed' // not JSON, a field missing / extra / not base64url / of the wrong length
  | 'unsupported' // another version or algorithm
  | 'kid-mismatch' // sealed for another gateway key than the one opening it
  | 'aad-mismatch' // sealed for another context (payment attempt) than the one given
  | 'tampered'; // the wrapped key, iv, ciphertext or tag was altered: authentication failed

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';

  constructor(
    readonly reason: EnvelopeErrorReason,
    message: string,
    /** The envelope field concerned, when one is known. */
    readonly field: string | null = null,
  ) {
    super(message);
  }
}
