// Field checks shared by both tracks and by cardFacts(). Error messages name the field and what is wrong, never
// the value (except the expiry month, which is not sensitive: PCI DSS lets it be stored).
import { trackFail, trackOk, type TrackNo, type TrackResult } from './errors';

/** ISO/IEC 7812-1: a PAN is at most 19 digits; 12 is the shortest issued (some Maestro). */
export const PAN_MIN = 12;
export const PAN_MAX = 19;

export function checkPan(track: TrackNo, pan: string): TrackResult<string> {
  const bad = /\D/.exec(pan);
  if (bad) {
    return trackFail(track, 'pan-non-digit', `PAN has a non-digit at position ${bad.index + 1}.`, {
      position: bad.index + 1,
    });
  }
  if (pan.length < PAN_MIN || pan.length > PAN_MAX) {
    return trackFail(
      track,
      'pan-length',
      `PAN has ${pan.length} digits; expected ${PAN_MIN} to ${PAN_MAX}.`,
      {
        length: pan.length,
      },
    );
  }
  return trackOk(pan);
}

/** `yymm` = the 4 characters where the expiry should be (fewer when the track was cut short). */
export function checkExpiry(track: TrackNo, yymm: string, separator: string): TrackResult<string> {
  if (yymm.length < 4 || yymm.startsWith(separator)) {
    return trackFail(track, 'expiry-missing', 'Expiry date (YYMM) is missing.');
  }
  if (!/^\d{4}$/.test(yymm)) return trackFail(track, 'expiry-non-digit', 'Expiry date is not 4 digits.');
  const month = Number(yymm.slice(2));
  if (month < 1 || month > 12) {
    return trackFail(track, 'expiry-month', `Expiry month is ${yymm.slice(2)}; expected 01 to 12.`, {
      month: yymm.slice(2),
    });
  }
  return trackOk(yymm);
}

export function checkServiceCode(track: TrackNo, code: string): TrackResult<string> {
  if (!/^\d{3}$/.test(code)) return trackFail(track, 'service-code', 'Service code is not 3 digits.');
  return trackOk(code);
}
