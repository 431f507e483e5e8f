// ISO/IEC 7813 track 1, format B, as a keyboard-wedge reader types it (LRC already split off by the caller):
//   %B<PAN>^<NAME>^<YYMM><service code><discretionary>?
import { trackFail, trackOk, type TrackResult } from './errors';
import { checkExpiry, checkPan, checkServiceCode } from './fields';

export interface Track1 {
  readonly pan: string;
  /** Cardholder name as encoded ("SURNAME/FIRST"), trailing spaces kept. Not to be persisted. */
  readonly name: string;
  /** YYMM */
  readonly expiry: string;
  readonly serviceCode: string;
  /** Issuer data (PVV, CVV...): never persisted, never shown. */
  readonly discretionary: string;
}

/** Start sentinel to end sentinel inclusive, including both sentinels. */
export const TRACK1_MAX = 79;
const NAME_MIN = 2;
const NAME_MAX = 26;

/** `text`: one track from % to ? inclusive, no LRC. */
export function parseTrack1(text: string): TrackResult<Track1> {
  if (!text.startsWith('%')) return trackFail(1, 'missing-start-sentinel', 'Does not start with "%".');
  if (text.length < 2 || !text.endsWith('?')) {
    return trackFail(1, 'missing-end-sentinel', 'Does not end with "?".');
  }
  if (text.length > TRACK1_MAX) {
    return trackFail(1, 'too-long', `${text.length} characters; a track 1 holds at most ${TRACK1_MAX}.`, {
      length: text.length,
    });
  }
  const body = text.slice(1, -1);
  if (body === 'E') return trackFail(1, 'bad-read', 'The reader could not read this track (E).');
  // The 6-bit ALPHA set is 0x20..0x5F; % and ? are sentinels and may not occur inside.
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c < 0x20 || c > 0x5f || c === 0x25 || c === 0x3f) {
      return trackFail(1, 'bad-character', `Invalid character at position ${i + 2}.`, { position: i + 2 });
    }
  }
  if (body[0] !== 'B') return trackFail(1, 'bad-format-code', 'Format code is not "B" (not a payment card).');

  const sep1 = body.indexOf('^', 1);
  if (sep1 < 0) return trackFail(1, 'missing-separator', 'No "^" after the PAN.', { field: 'pan' });
  const pan = checkPan(1, body.slice(1, sep1));
  if (!pan.ok) return pan;

  const sep2 = body.indexOf('^', sep1 + 1);
  if (sep2 < 0) return trackFail(1, 'missing-separator', 'No "^" after the name.', { field: 'name' });
  const name = body.slice(sep1 + 1, sep2);
  if (name.length < NAME_MIN || name.length > NAME_MAX) {
    return trackFail(
      1,
      'name-length',
      `Name has ${name.length} characters; expected ${NAME_MIN} to ${NAME_MAX}.`,
      {
        length: name.length,
      },
    );
  }

  const rest = body.slice(sep2 + 1);
  const expiry = checkExpiry(1, rest.slice(0, 4), '^');
  if (!expiry.ok) return expiry;
  const serviceCode = checkServiceCode(1, rest.slice(4, 7));
  if (!serviceCode.ok) return serviceCode;

  return trackOk({
    pan: pan.value,
    name,
    expiry: expiry.value,
    serviceCode: serviceCode.value,
    discretionary: rest.slice(7),
  });
}
