// From what a reader produced to what the gateway is sent (CardRead): never clear card data past this file.
// - An encrypting HID reader (ID TECH enhanced format): its DUKPT ciphertext and KSN are forwarded as they are;
//   brand, BIN, last four and expiry come from the MASKED tracks.
// - A keyboard-wedge reader types clear tracks: they are parsed, the facts kept, the track sealed at once to the
//   gateway's public key (RSA-OAEP + AES-GCM, bound to the attempt's reference), and every clear buffer wiped.
import type { EncryptedSwipe } from '../../../native/card/idtech';
import { asciiBytes, cardFacts as clearCardFacts, parseSwipe, wipe } from '../../../native/card/track';
import { PosFailure } from '../../api/result';
import { sealCardData } from '../../gateway/envelope';
import type { CardKey } from '../../gateway/protocol/schemas';
import type { CardRead } from './store-offline';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

export interface ReaderSettings {
  /** which DUKPT key the reader encrypts under (a reader setting the gateway must be told) */
  readonly variant: 'pin' | 'data';
}

/** An encrypted swipe → the card read to authorize; CARD_UNREADABLE when it carries too little. */
export function readFromEncryptedSwipe(s: EncryptedSwipe, reader: ReaderSettings): CardRead {
  const f = s.card;
  const t1 = s.track1.status === 'ok' ? s.track1.encrypted : undefined;
  const t2 = s.track2.status === 'ok' ? s.track2.encrypted : undefined;
  if (!s.ksn || (!t1 && !t2) || !f.bin || !f.last4 || !f.expiry) {
    throw new PosFailure('CARD_UNREADABLE', 'The swipe did not carry a readable card; swipe again', {
      reason: !s.ksn ? 'no-ksn' : !t1 && !t2 ? 'no-track' : 'masked-facts',
    });
  }
  return {
    entryMode: 'swipe',
    data: {
      kind: 'dukpt',
      scheme: s.ksn.length === 20 ? 'tdes' : 'aes128',
      variant: reader.variant,
      // Only when the reader's cipher is not the key scheme's own (AES under a TDES key): the gateway needs it.
      ...(s.ksn.length === 20 && s.cipher === 'aes' ? { cipher: 'aes' as const } : {}),
      ksn: s.ksn,
      ...(t1 ? { track1: hex(t1) } : {}),
      ...(t2 ? { track2: hex(t2) } : {}),
      ...(s.serial ? { readerSerial: s.serial } : {}),
    },
    facts: { brand: f.brand, bin: f.bin, last4: f.last4, expiry: f.expiry },
  };
}

/**
 * A keyboard-wedge burst → a sealed card read. `reference` (the attempt id) is the envelope's AAD, so the
 * envelope opens only for this attempt. The burst string itself cannot be wiped (JS strings are immutable);
 * the caller drops it at once, and every byte buffer made from it is zeroed here.
 */
export function readFromWedgeBurst(burst: string, key: CardKey, reference: string): CardRead {
  const parsed = parseSwipe(burst);
  if (!parsed.ok) {
    throw new PosFailure('CARD_UNREADABLE', parsed.error.message, {
      reason: parsed.error.reason,
      track: parsed.error.track,
    });
  }
  const card = parsed.card;
  const facts = clearCardFacts(card.pan, card.expiry);
  const track = card.tracks.track2 ?? card.tracks.track1;
  if (track === null) throw new PosFailure('CARD_UNREADABLE', 'No track to send', { reason: 'no-track' });
  const clear = asciiBytes(track);
  try {
    const { aadHash: _aadHash, ...envelope } = sealCardData(clear, key.publicKeyPem, reference);
    return {
      entryMode: 'wedge-swipe',
      data: { kind: 'envelope', envelope },
      facts: { brand: facts.brand, bin: facts.bin, last4: facts.last4, expiry: facts.expiry },
    };
  } finally {
    wipe(clear);
  }
}
