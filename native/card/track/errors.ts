// Why a swipe could not be used, specific enough for the cashier ("swipe again", "not a payment card") and for
// support, yet never carrying card data: messages and details hold track numbers, positions, lengths and the
// expiry month at most, never a digit of the PAN, the name or the discretionary data.

/** 1 = track 1 ('%'), 2 = track 2 (';'); null = about the swipe as a whole or a value passed in by code. */
export type TrackNo = 1 | 2 | null;

export type TrackErrorReason =
  | 'empty' // nothing but whitespace
  | 'bad-read' // the reader itself typed %E? / ;E?: it could not decode the stripe
  | 'missing-start-sentinel' // the text does not begin with % or ;
  | 'missing-end-sentinel' // a track never reached its ? (cut short)
  | 'bad-format-code' // track 1 format code is not 'B' (A is proprietary; others are not financial cards)
  | 'missing-separator' // no ^ (track 1) or = (track 2) after the PAN, or no second ^ after the name
  | 'pan-length' // PAN outside 12..19 digits (ISO/IEC 7812-1)
  | 'pan-non-digit'
  | 'name-length' // track 1 name outside 2..26 characters
  | 'bad-character' // a character outside the track's character set
  | 'expiry-missing' // YYMM absent ("^" / "=" in its place) or cut short
  | 'expiry-non-digit'
  | 'expiry-month' // month not 01..12
  | 'service-code' // not 3 digits
  | 'too-long' // longer than the track can hold (79 / 40 characters)
  | 'lrc-mismatch' // the LRC character after ? does not match the data: a corrupted read
  | 'duplicate-track' // two track 1s (or more tracks than a reader has)
  | 'unexpected-text' // characters between or after tracks that belong to no track
  | 'tracks-disagree'; // track 1 and track 2 carry different PANs or expiries

export class TrackError extends Error {
  override readonly name = 'TrackError';

  constructor(
    readonly track: TrackNo,
    readonly reason: TrackErrorReason,
    message: string,
    /** Non-sensitive specifics: position (1-based), length, month... */
    readonly detail: Readonly<Record<string, number | string>> = {},
  ) {
    super(track === null ? message : `Track ${track}: ${message}`);
  }
}

export type TrackResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TrackError };

export const trackOk = <T>(value: T): TrackResult<T> => ({ ok: true, value });

export const trackFail = (
  track: TrackNo,
  reason: TrackErrorReason,
  message: string,
  detail: Record<string, number | string> = {},
): TrackResult<never> => ({ ok: false, error: new TrackError(track, reason, message, detail) });
