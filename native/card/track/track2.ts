// ISO/IEC 7813 track 2 as a keyboard-wedge reader types it (LRC already split off by the caller):
//   ;<PAN>=<YYMM><service code><discretionary>?
import { trackFail, trackOk, type TrackResult } from './errors';
import { checkExpiry, checkPan, checkServiceCode } from './fields';

export interface Track2 {
  readonly pan: string;
  /** YYMM */
  readonly expiry: string;
  readonly serviceCode: string;
  /** Issuer data (PVV, CVV...): never persisted, never shown. */
  readonly discretionary: string;
}

/** Start sentinel to end sentinel inclusive. */
export const TRACK2_MAX = 40;

/** `text`: one track from ; to ? inclusive, no LRC. */
export function parseTrack2(text: string): TrackResult<Track2> {
  if (!text.startsWith(';')) return trackFail(2, 'missing-start-sentinel', 'Does not start with ";".');
  if (text.length < 2 || !text.endsWith('?')) {
    return trackFail(2, 'missing-end-sentinel', 'Does not end with "?".');
  }
  if (text.length > TRACK2_MAX) {
    return trackFail(2, 'too-long', `${text.length} characters; a track 2 holds at most ${TRACK2_MAX}.`, {
      length: text.length,
    });
  }
  const body = text.slice(1, -1);
  if (body === 'E') return trackFail(2, 'bad-read', 'The reader could not read this track (E).');

  const sep = body.indexOf('=');
  if (sep < 0) return trackFail(2, 'missing-separator', 'No "=" after the PAN.', { field: 'pan' });
  const pan = checkPan(2, body.slice(0, sep));
  if (!pan.ok) return pan;

  const rest = body.slice(sep + 1);
  // Financial track 2 data after the separator is digits (a second "=" would only stand in for an absent field).
  const bad = /[^0-9=]/.exec(rest);
  if (bad) {
    const position = sep + bad.index + 3; // 1-based, counting the start sentinel and the separator
    return trackFail(2, 'bad-character', `Invalid character at position ${position}.`, { position });
  }
  const expiry = checkExpiry(2, rest.slice(0, 4), '=');
  if (!expiry.ok) return expiry;
  const serviceCode = checkServiceCode(2, rest.slice(4, 7));
  if (!serviceCode.ok) return serviceCode;

  return trackOk({
    pan: pan.value,
    expiry: expiry.value,
    serviceCode: serviceCode.value,
    discretionary: rest.slice(7),
  });
}
