// Builds ID TECH enhanced-format frames from their fields, as the reader firmware lays them out (see
// native/card/idtech/enhanced-layout.ts for the byte map). Pure: no keys here, the emulator passes
// ciphertext and hashes in.
import * as layout from '../card/idtech/enhanced-layout';
import type { EncodeType } from '../card/idtech/enhanced-layout';

export interface FrameTrack {
  /** Sampled but not decoded: a bad read of this track (length 0, nothing else sent). */
  decodeError?: boolean;
  /** Clear track length (0 = no data). */
  length: number;
  masked?: Uint8Array;
  encrypted?: Uint8Array;
  hash?: Uint8Array;
}

export interface FrameFields {
  encodeType: EncodeType;
  tracks: [FrameTrack, FrameTrack, FrameTrack];
  cipher: 'tdes' | 'aes';
  pinKeyFlag?: boolean;
  sessionId?: Uint8Array;
  /** ASCII, up to 10 characters; left-padded with NUL to the 10-byte field. */
  serial?: string;
  ksn?: Uint8Array;
}

function serialField(serial: string): Uint8Array {
  if (serial.length > layout.SERIAL_BYTES || /[^\x20-\x7e]/.test(serial)) {
    throw new RangeError(`reader serial must be at most ${layout.SERIAL_BYTES} printable ASCII characters`);
  }
  const out = new Uint8Array(layout.SERIAL_BYTES);
  out.set(Buffer.from(serial, 'latin1'), layout.SERIAL_BYTES - serial.length);
  return out;
}

export function buildEnhancedFrame(f: FrameFields): Uint8Array {
  let status = 0;
  let field8 = f.cipher === 'aes' ? layout.FIELD8_AES : 0;
  let field9 = 0;
  const track = (t: number) => f.tracks[t - 1] as FrameTrack;
  for (const t of layout.TRACKS) {
    const tr = track(t);
    if (tr.length > 255)
      throw new RangeError(`track ${t} is ${tr.length} bytes; the length field is one byte`);
    if (tr.decodeError) status |= layout.trackSampledBit(t);
    else if (tr.length > 0) status |= layout.trackSampledBit(t) | layout.trackDecodedBit(t);
    else status |= layout.trackDecodedBit(t); // "1 for decode success or no sampling data"
    if (tr.masked) field8 |= layout.maskedPresentBit(t);
    if (tr.encrypted) field9 |= layout.encryptedPresentBit(t);
    if (tr.hash) field9 |= layout.hashPresentBit(t);
  }
  if (f.pinKeyFlag) field8 |= layout.FIELD8_PIN_KEY;
  if (f.serial !== undefined) field8 |= layout.FIELD8_SERIAL;
  if (f.sessionId) field9 |= layout.FIELD9_SESSION_ID;
  if (f.ksn) field9 |= layout.FIELD9_KSN;
  if (f.sessionId && f.sessionId.length !== layout.SESSION_ID_BYTES)
    throw new RangeError('session ID is 8 bytes');

  const parts: Uint8Array[] = [
    Uint8Array.of(
      layout.ENCODE_TYPE_BYTES[f.encodeType],
      status,
      track(1).length,
      track(2).length,
      track(3).length,
      field8,
      field9,
    ),
    ...layout.TRACKS.flatMap((t) => (track(t).masked ? [track(t).masked as Uint8Array] : [])),
    ...layout.TRACKS.flatMap((t) => (track(t).encrypted ? [track(t).encrypted as Uint8Array] : [])),
    ...(f.sessionId ? [f.sessionId] : []),
    ...layout.TRACKS.flatMap((t) => (track(t).hash ? [track(t).hash as Uint8Array] : [])),
    ...(f.serial !== undefined ? [serialField(f.serial)] : []),
    ...(f.ksn ? [f.ksn] : []),
  ];
  const data = Uint8Array.from(Buffer.concat(parts));
  if (data.length > 0xffff) throw new RangeError('card data longer than the 16-bit length field');
  return Uint8Array.from([
    layout.STX,
    data.length & 0xff,
    data.length >> 8,
    ...data,
    layout.lrc(data),
    layout.checksum(data),
    layout.ETX,
  ]);
}

/** Splits a frame into fixed-size input reports, zero-padding the last (what the HID endpoint sends). */
export function splitIntoReports(bytes: Uint8Array, reportSize: number): Uint8Array[] {
  if (!Number.isInteger(reportSize) || reportSize < 1)
    throw new RangeError('report size must be a positive integer');
  const reports: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += reportSize) {
    const report = new Uint8Array(reportSize);
    report.set(bytes.subarray(at, at + reportSize));
    reports.push(report);
  }
  return reports;
}
