// Every way an ID TECH frame can be wrong gets its own code, so the driver can report a bad read
// precisely ("LRC mismatch", "track 2 failed to decode") instead of surfacing a random TypeError.

export type MsrFrameErrorCode =
  | 'TRUNCATED' // fewer bytes than the header or the length field promise
  | 'BAD_STX'
  | 'BAD_ETX'
  | 'TRAILING_BYTES' // more bytes than STX + length + LRC + checksum + ETX
  | 'BAD_LRC'
  | 'BAD_CHECKSUM'
  | 'LENGTH_MISMATCH' // the fields the status bytes announce do not fill the declared length exactly
  | 'NOT_ENHANCED_FORMAT' // original encryption format (card type 0x0n) or another vendor's data
  | 'UNKNOWN_ENCODE_TYPE'
  | 'UNSUPPORTED_OPTION' // TransArmor / MAC fields (SREDKey 2 optional status byte)
  | 'DECODE_ERROR' // the reader sampled a track but could not decode it, and no track was read
  | 'NO_TRACK_DATA' // a frame with nothing on any track
  | 'MISSING_KSN' // encrypted data without the KSN needed to decrypt it
  | 'BAD_MASKED_TRACK'; // masked track bytes that are not printable ASCII

export class MsrFrameError extends Error {
  readonly code: MsrFrameErrorCode;
  /** Tracks (1-3) the error is about, when it is about tracks. */
  readonly tracks: readonly number[];

  constructor(code: MsrFrameErrorCode, message: string, tracks: readonly number[] = []) {
    super(message);
    this.name = 'MsrFrameError';
    this.code = code;
    this.tracks = tracks;
  }
}
