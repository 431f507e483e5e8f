// Parser for one complete ID TECH enhanced-format frame (STX … ETX). The envelope is checked first
// (STX, length, ETX, LRC, checksum) so corruption is named as such; then the status bytes say which
// fields follow, and they must fill the declared length exactly.
import { cardFactsFromMasked } from './card-facts';
import {
  cipherBlock,
  checksum,
  ENCODE_TYPE_BYTES,
  encryptedLength,
  encryptedPresentBit,
  ETX,
  FIELD8_AES,
  FIELD8_PIN_KEY,
  FIELD8_SERIAL,
  FIELD9_KSN,
  FIELD9_SESSION_ID,
  FRAME_HEAD_BYTES,
  FRAME_OVERHEAD,
  hashPresentBit,
  lrc,
  maskedPresentBit,
  OPTIONAL1_ALT_ENCRYPTION,
  OPTIONAL1_MAC_FIELDS,
  OPTIONAL1_SHA256,
  OPTIONAL_BYTES_PRESENT,
  SERIAL_BYTES,
  SESSION_ID_BYTES,
  SHA1_BYTES,
  SHA256_BYTES,
  STX,
  trackDecodedBit,
  trackSampledBit,
  TRACKS,
} from './enhanced-layout';
import type { EncodeType, TrackNumber } from './enhanced-layout';
import { MsrFrameError } from './frame-error';
import type { EncryptedSwipe, SwipeTrack, TrackStatus } from './swipe';

const hex2 = (n: number) => `0x${n.toString(16).padStart(2, '0')}`;

/** Bounded reads over the card data: running past the declared length is a length mismatch. */
class Cursor {
  at = 0;
  constructor(private readonly data: Uint8Array) {}

  get remaining(): number {
    return this.data.length - this.at;
  }

  take(n: number, what: string): Uint8Array {
    if (n > this.remaining) {
      throw new MsrFrameError(
        'LENGTH_MISMATCH',
        `${what} needs ${n} bytes at offset ${this.at} but the length field leaves ${this.remaining}`,
      );
    }
    const out = this.data.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }

  byte(what: string): number {
    return this.take(1, what)[0] as number;
  }
}

/** Checks STX/length/ETX/LRC/checksum and returns the card data between length and LRC. */
export function unwrapFrame(frame: Uint8Array): Uint8Array {
  if (frame.length === 0) throw new MsrFrameError('TRUNCATED', 'empty frame');
  if (frame[0] !== STX)
    throw new MsrFrameError('BAD_STX', `frame starts with ${hex2(frame[0] as number)}, not STX`);
  if (frame.length < FRAME_HEAD_BYTES) {
    throw new MsrFrameError('TRUNCATED', `frame of ${frame.length} bytes ends inside the length field`);
  }
  const length = (frame[1] as number) | ((frame[2] as number) << 8);
  const total = length + FRAME_OVERHEAD;
  if (frame.length < total) {
    throw new MsrFrameError(
      'TRUNCATED',
      `frame has ${frame.length} bytes, its length field promises ${total}`,
    );
  }
  if (frame.length > total) {
    throw new MsrFrameError('TRAILING_BYTES', `frame has ${frame.length - total} bytes after ETX position`);
  }
  if (frame[total - 1] !== ETX) {
    throw new MsrFrameError('BAD_ETX', `byte ${total - 1} is ${hex2(frame[total - 1] as number)}, not ETX`);
  }
  const data = frame.slice(FRAME_HEAD_BYTES, FRAME_HEAD_BYTES + length);
  const gotLrc = frame[total - 3] as number;
  const gotSum = frame[total - 2] as number;
  if (lrc(data) !== gotLrc) {
    throw new MsrFrameError('BAD_LRC', `LRC ${hex2(gotLrc)} does not match the data (${hex2(lrc(data))})`);
  }
  if (checksum(data) !== gotSum) {
    throw new MsrFrameError(
      'BAD_CHECKSUM',
      `checksum ${hex2(gotSum)} does not match the data (${hex2(checksum(data))})`,
    );
  }
  return data;
}

function encodeTypeOf(byte: number): EncodeType {
  if ((byte & 0x80) === 0) {
    throw new MsrFrameError(
      'NOT_ENHANCED_FORMAT',
      `card encode type ${hex2(byte)} is the original encryption format; set the reader to enhanced (53 85 01 31)`,
    );
  }
  const found = (Object.entries(ENCODE_TYPE_BYTES) as [EncodeType, number][]).find(([, b]) => b === byte);
  if (!found) throw new MsrFrameError('UNKNOWN_ENCODE_TYPE', `unknown card encode type ${hex2(byte)}`);
  return found[0];
}

function trackStatus(status: number, track: TrackNumber, length: number): TrackStatus {
  const sampled = (status & trackSampledBit(track)) !== 0;
  const decoded = (status & trackDecodedBit(track)) !== 0;
  if (sampled && !decoded) return 'error';
  return length > 0 ? 'ok' : 'absent';
}

function maskedText(bytes: Uint8Array, track: TrackNumber): string {
  if (bytes.some((b) => b < 0x20 || b > 0x7e)) {
    throw new MsrFrameError('BAD_MASKED_TRACK', `masked track ${track} has non-printable bytes`, [track]);
  }
  return Buffer.from(bytes).toString('latin1');
}

/** Parses one complete frame. Throws MsrFrameError (only) for anything malformed. */
export function parseEnhancedFrame(frame: Uint8Array): EncryptedSwipe {
  const cur = new Cursor(unwrapFrame(frame));
  const encodeType = encodeTypeOf(cur.byte('card encode type'));
  const status = cur.byte('track status');
  const lengths = [cur.byte('track 1 length'), cur.byte('track 2 length'), cur.byte('track 3 length')];
  const field8 = cur.byte('clear/masked data sent status');
  const field9 = cur.byte('encrypted/hash data sent status');
  const cipher = (field8 & FIELD8_AES) !== 0 ? 'aes' : 'tdes';

  let hashAlgorithm: 'sha1' | 'sha256' = 'sha1';
  if ((status & OPTIONAL_BYTES_PRESENT) !== 0) {
    const optional = cur.take(cur.byte('optional bytes length'), 'optional status bytes');
    const first = optional[0] ?? 0;
    if ((first & (OPTIONAL1_ALT_ENCRYPTION | OPTIONAL1_MAC_FIELDS)) !== 0) {
      throw new MsrFrameError(
        'UNSUPPORTED_OPTION',
        `optional status byte ${hex2(first)}: TransArmor/MAC output is not supported`,
      );
    }
    if ((first & OPTIONAL1_SHA256) !== 0) hashAlgorithm = 'sha256';
  }

  const tracks = TRACKS.map((t): SwipeTrack => {
    const length = lengths[t - 1] as number;
    return { status: trackStatus(status, t, length), length };
  });
  const at = (t: TrackNumber) => tracks[t - 1] as SwipeTrack;

  for (const t of TRACKS) {
    if (field8 & maskedPresentBit(t))
      at(t).masked = maskedText(cur.take(at(t).length, `masked track ${t}`), t);
  }
  for (const t of TRACKS) {
    if (field9 & encryptedPresentBit(t)) {
      at(t).encrypted = cur.take(
        encryptedLength(at(t).length, cipher),
        `encrypted track ${t} (${cipherBlock(cipher)}-byte blocks)`,
      );
    }
  }
  const sessionId = field9 & FIELD9_SESSION_ID ? cur.take(SESSION_ID_BYTES, 'session ID') : undefined;
  const hashBytes = hashAlgorithm === 'sha256' ? SHA256_BYTES : SHA1_BYTES;
  for (const t of TRACKS) {
    if (field9 & hashPresentBit(t)) at(t).hash = cur.take(hashBytes, `track ${t} hash`);
  }
  const serial =
    field8 & FIELD8_SERIAL
      ? Buffer.from(cur.take(SERIAL_BYTES, 'reader serial number')).toString('latin1').replace(/^\0+/, '')
      : undefined;

  // The KSN closes the card data; its length tells the scheme (10 bytes TDES DUKPT, 12 AES DUKPT).
  let ksn: string | undefined;
  if (field9 & FIELD9_KSN) {
    if (cur.remaining !== 10 && cur.remaining !== 12) {
      throw new MsrFrameError(
        'LENGTH_MISMATCH',
        `${cur.remaining} bytes left for the KSN; expected 10 or 12`,
      );
    }
    ksn = Buffer.from(cur.take(cur.remaining, 'KSN')).toString('hex').toUpperCase();
  } else if (cur.remaining !== 0) {
    throw new MsrFrameError(
      'LENGTH_MISMATCH',
      `${cur.remaining} unexplained bytes at the end of the card data`,
    );
  }

  const [track1, track2, track3] = tracks as [SwipeTrack, SwipeTrack, SwipeTrack];
  if (!tracks.some((t) => t.status === 'ok')) {
    const failed = TRACKS.filter((t) => at(t).status === 'error');
    if (failed.length > 0) {
      throw new MsrFrameError(
        'DECODE_ERROR',
        `bad read: track ${failed.join(', ')} failed to decode`,
        failed,
      );
    }
    throw new MsrFrameError('NO_TRACK_DATA', 'no data on any track');
  }
  if (!ksn && tracks.some((t) => t.encrypted && t.encrypted.length > 0)) {
    throw new MsrFrameError('MISSING_KSN', 'encrypted track data without a KSN cannot be decrypted');
  }

  const swipe: EncryptedSwipe = {
    encodeType,
    track1,
    track2,
    track3,
    cipher,
    hashAlgorithm,
    pinKeyFlag: (field8 & FIELD8_PIN_KEY) !== 0,
    card: cardFactsFromMasked(track1.masked, track2.masked),
  };
  if (sessionId) swipe.sessionId = sessionId;
  if (serial !== undefined) swipe.serial = serial;
  if (ksn) swipe.ksn = ksn;
  return swipe;
}
