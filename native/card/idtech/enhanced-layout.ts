// Constants of ID TECH's "Enhanced Encrypted MSR Data Output Format" (SecureMag, SecureHead, SREDKey,
// iMag… user manuals), shared by the parser and the reader emulator so both speak the same layout:
//
//   STX | len lo | len hi | <card data: len bytes> | LRC (XOR of card data) | checksum (sum) | ETX
//   card data = encode type | track status | T1 len | T2 len | T3 len | clear/masked status (field 8)
//             | encrypted/hash status (field 9) | [optional length + optional bytes, SREDKey 2]
//             | masked T1 | masked T2 | masked T3 | encrypted T1 | encrypted T2 | encrypted T3
//             | [session ID, 8] | [hash T1, T2, T3: 20 each] | [reader serial, 10] | [KSN, 10 or 12]
// Each track is encrypted separately, its length rounded up to the cipher block (8 TDES, 16 AES).

export const STX = 0x02;
export const ETX = 0x03;
/** STX + 2 length bytes before the card data; LRC + checksum + ETX after it. */
export const FRAME_HEAD_BYTES = 3;
export const FRAME_TAIL_BYTES = 3;
export const FRAME_OVERHEAD = FRAME_HEAD_BYTES + FRAME_TAIL_BYTES;

export const SESSION_ID_BYTES = 8;
export const SERIAL_BYTES = 10;
export const SHA1_BYTES = 20;
export const SHA256_BYTES = 32;

export type EncodeType = 'iso-aba' | 'aamva' | 'other' | 'raw';

/** Card encode type byte: high bit set = enhanced format; 0x0n is the original encryption format. */
export const ENCODE_TYPE_BYTES: Record<EncodeType, number> = {
  'iso-aba': 0x80,
  aamva: 0x81,
  other: 0x83,
  raw: 0x84,
};

/** Field 4, track status: bit n = track n+1 decoded OK, bit n+3 = track n+1 had sampling data. */
export const trackDecodedBit = (track: number): number => 1 << (track - 1);
export const trackSampledBit = (track: number): number => 1 << (track + 2);
/** Field 4 bit 6 (SREDKey 2): an optional-bytes length and optional status bytes follow field 9. */
export const OPTIONAL_BYTES_PRESENT = 0x40;

/** Field 8, clear/masked data sent status. */
export const maskedPresentBit = (track: number): number => 1 << (track - 1);
export const FIELD8_AES = 0x10; // bit 4: 0 TDES, 1 AES
export const FIELD8_PIN_KEY = 0x40; // bit 6 (SREDKey 2): data encrypted under the PIN key
export const FIELD8_SERIAL = 0x80; // bit 7: reader serial number present

/** Field 9, encrypted/hash data sent status. */
export const encryptedPresentBit = (track: number): number => 1 << (track - 1);
export const hashPresentBit = (track: number): number => 1 << (track + 2);
export const FIELD9_SESSION_ID = 0x40;
export const FIELD9_KSN = 0x80;

/** Optional status byte 1 (SREDKey 2 field 11). */
export const OPTIONAL1_SHA256 = 0x01;
export const OPTIONAL1_ALT_ENCRYPTION = 0x02; // TransArmor RSA / SUKPT: not DUKPT, not supported
export const OPTIONAL1_MAC_FIELDS = 0x20;

export const TRACKS = [1, 2, 3] as const;
export type TrackNumber = (typeof TRACKS)[number];

export const cipherBlock = (cipher: 'tdes' | 'aes'): number => (cipher === 'aes' ? 16 : 8);
export const encryptedLength = (clearLength: number, cipher: 'tdes' | 'aes'): number =>
  Math.ceil(clearLength / cipherBlock(cipher)) * cipherBlock(cipher);

/** LRC: XOR of the card data bytes. */
export function lrc(cardData: Uint8Array): number {
  return cardData.reduce((acc, b) => acc ^ b, 0);
}

/** Checksum: the card data bytes summed modulo 256. */
export function checksum(cardData: Uint8Array): number {
  return cardData.reduce((acc, b) => (acc + b) & 0xff, 0);
}
