// Recognising card data where it must not be: a PAN or magstripe track typed or scanned into a field meant
// for something else (the barcode field, a search box), or in a line about to be written to a log. Nothing
// here returns or keeps the data it finds: callers learn only THAT it is card data, or get the text redacted.
import { luhnValid } from './luhn';

/** ISO/IEC 7812-1 card numbers as issued today: 13 to 19 digits (12-digit ones are too rare to guess at). */
export const CARD_PAN_MIN = 13;
export const CARD_PAN_MAX = 19;

/**
 * Track data, whole or garbled: a track 1 start (`%B`), a track 2 start (`;` then 12+ digits), or the field
 * separators that follow a PAN in either track (`^`, `=`). Leading spaces are what a wedge's Enter leaves.
 */
const TRACK_START = /^\s*(?:%[Bb]|;\d{12})/;
const TRACK_INSIDE = /%[Bb]\d{12,19}\^|;?\d{12,19}=\d{4}/;

/** True when `text` starts like a magstripe track or holds a PAN followed by a track's field separator. */
export function looksLikeTrackData(text: string): boolean {
  return TRACK_START.test(text) || TRACK_INSIDE.test(text);
}

/** True when `digits` (already all 0-9) has a card number's length and a valid Luhn check digit. */
export function looksLikePan(digits: string): boolean {
  return digits.length >= CARD_PAN_MIN && digits.length <= CARD_PAN_MAX && luhnValid(digits);
}

export const REDACTED = '[redacted]';

// A run of digits that may be split by single spaces or dashes ("4111 1111 1111 1111", "4111-1111-…").
const DIGIT_RUN = /(?<![\d])\d(?:[ -]?\d){12,}(?![\d])/g;
// Track 1 from its start sentinel to its end sentinel (or the end of the text); track 2 likewise.
const TRACK1 = /%[Bb][^?]*\??/g;
const TRACK2 = /;\d{12,19}=[^?]*\??/g;
// What a track 2 leaves without sentinels: a PAN, '=', expiry and the discretionary data.
const BARE_TRACK2 = /\d{12,19}=\d{4}[\d ]*/g;

/** Whether a run of 13+ digits is, or starts with, a card number (a PAN followed by expiry and service code). */
function runHoldsPan(run: string): boolean {
  const digits = run.replace(/[ -]/g, '');
  if (looksLikePan(digits)) return true;
  if (digits.length <= CARD_PAN_MAX) return false;
  for (let n = CARD_PAN_MIN; n <= CARD_PAN_MAX; n++) if (luhnValid(digits.slice(0, n))) return true;
  return false;
}

/**
 * `text` with every track and every card-number-like digit run replaced by REDACTED. Over-redacts on purpose
 * (a product barcode that happens to pass Luhn is hidden too): a log line that loses a number is harmless.
 */
export function redactCardData(text: string): string {
  if (!/\d{4}/.test(text) && !/%[Bb]/.test(text)) return text; // the common case: nothing to look at
  return text
    .replace(TRACK1, REDACTED)
    .replace(TRACK2, REDACTED)
    .replace(BARE_TRACK2, REDACTED)
    .replace(DIGIT_RUN, (run) => (runHoldsPan(run) ? REDACTED : run));
}
