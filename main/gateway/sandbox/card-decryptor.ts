// The CardDecryptor port: card data as the POS forwards it (DUKPT ciphertext + KSN, or an envelope sealed to
// the gateway's public key) in, the PAN and expiry out. Only the authorize handler calls it, and it keeps
// nothing but brand, BIN and last four. Every failure is a CardUnreadable whose message names the problem,
// never the data.
import { decryptTrackData, dukptScheme, parseHex } from '../../../native/card/dukpt/index';
import type { CardData } from '../protocol/schemas';
import { CardUnreadable } from './errors';
import { parseTrack, type TrackFacts } from './card-number';
import { openEnvelope } from './envelope-adapter';

export type CardDecryptor = (card: CardData, ctx: { readonly reference: string }) => TrackFacts;

export interface DecryptorKeys {
  /** hex base derivation keys, one per DUKPT scheme */
  readonly bdks: { readonly tdes: string; readonly aes128: string };
  /** the gateway's card-encryption private key (PKCS#8 PEM) */
  readonly privateKeyPem: string;
}

export function createCardDecryptor(keys: DecryptorKeys): CardDecryptor {
  return (card, ctx) => {
    const clear =
      card.kind === 'dukpt' ? dukptClear(card, keys.bdks) : envelopeClear(card, keys, ctx.reference);
    // JS strings cannot be wiped; `clear` goes out of scope here and is never logged or stored.
    const facts = parseTrack(clear);
    if (!facts) throw new CardUnreadable('no track 1 or track 2 data in the decrypted card data');
    return facts;
  };
}

function dukptClear(card: Extract<CardData, { kind: 'dukpt' }>, bdks: DecryptorKeys['bdks']): string {
  const encrypted = card.track2 ?? card.track1;
  if (encrypted === undefined) throw new CardUnreadable('DUKPT card data carries neither track1 nor track2');
  let clear: Uint8Array;
  try {
    const ksn = parseHex('ksn', card.ksn);
    if (dukptScheme(ksn) !== card.scheme) {
      throw new CardUnreadable(`the KSN length does not fit DUKPT scheme '${card.scheme}'`);
    }
    clear = decryptTrackData({
      bdk: parseHex('bdk', card.scheme === 'tdes' ? bdks.tdes : bdks.aes128),
      ksn,
      variant: card.variant,
      ...(card.cipher ? { cipher: card.cipher } : {}),
      data: parseHex(card.track2 !== undefined ? 'track2' : 'track1', encrypted),
    });
  } catch (e) {
    if (e instanceof CardUnreadable) throw e;
    throw new CardUnreadable(`DUKPT decryption failed: ${e instanceof Error ? e.message : 'unknown error'}`);
  }
  try {
    // Readers zero-pad to the block size; the track text ends at the first NUL.
    const end = clear.indexOf(0);
    return Buffer.from(end === -1 ? clear : clear.subarray(0, end)).toString('latin1');
  } finally {
    clear.fill(0);
  }
}

function envelopeClear(
  card: Extract<CardData, { kind: 'envelope' }>,
  keys: DecryptorKeys,
  reference: string,
): string {
  let clear: Uint8Array;
  try {
    clear = openEnvelope(card.envelope, keys.privateKeyPem, reference);
  } catch (e) {
    throw new CardUnreadable(
      `the card envelope could not be opened: ${e instanceof Error ? e.message : 'error'}`,
    );
  }
  try {
    return Buffer.from(clear).toString('latin1');
  } finally {
    clear.fill(0);
  }
}
