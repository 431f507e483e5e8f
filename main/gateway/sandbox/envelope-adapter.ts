// Opens a card envelope with main/gateway/envelope, the request's `reference` as the context (AAD).
//
// The protocol's EnvelopeCardDataSchema has no `aadHash` field, while the envelope format carries one (a
// diagnostic copy of SHA-256(context); the binding itself is the GCM tag). Until the protocol declares it,
// a missing aadHash is filled in here from the reference, so the envelope opens when, and only when, it
// was sealed for this reference.
import { createHash } from 'node:crypto';
import { HASHES } from '../../../native/crypto/algorithms';
import { openCardData } from '../envelope/index';
import type { CardData } from '../protocol/schemas';

export type WireEnvelope = Extract<CardData, { kind: 'envelope' }>['envelope'];

export function openEnvelope(envelope: WireEnvelope, privateKeyPem: string, aad: string): Uint8Array {
  const aadHash =
    'aadHash' in envelope && typeof envelope.aadHash === 'string'
      ? envelope.aadHash
      : createHash(HASHES.sha256).update(aad, 'utf8').digest('base64url');
  return openCardData({ ...envelope, aadHash }, privateKeyPem, aad);
}
