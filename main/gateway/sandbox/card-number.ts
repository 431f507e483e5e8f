// Reading a PAN and expiry out of clear track text, plus the card-number facts the gateway derives itself
// (Luhn check, brand, BIN). Works on strings that exist only for the length of one authorization; nothing
// here logs or keeps them.
import type { CardBrand } from '../protocol/schemas';

export interface TrackFacts {
  readonly pan: string;
  /** YYMM */
  readonly expiry: string;
}

// Track 2: ';' PAN '=' YYMM service-code discretionary '?' (sentinels optional; readers differ).
const TRACK2 = /;?(\d{12,19})=(\d{4})/;
// Track 1: '%B' PAN '^' NAME '^' YYMM ...
const TRACK1 = /%?B(\d{12,19})\^[^^]{0,26}\^(\d{4})/;

/** The PAN and expiry from track 2 (preferred) or track 1 text; null when neither is there. */
export function parseTrack(text: string): TrackFacts | null {
  const m = TRACK2.exec(text) ?? TRACK1.exec(text);
  if (!m?.[1] || !m[2]) return null;
  return { pan: m[1], expiry: m[2] };
}

export function luhnValid(pan: string): boolean {
  if (!/^\d{12,19}$/.test(pan)) return false;
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let d = Number(pan[pan.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Brand from the leading digits (the IIN ranges the schemes publish, simplified to what a POS sees). */
export function brandOf(pan: string): CardBrand {
  const n = (digits: number): number => Number(pan.slice(0, digits));
  if (pan.startsWith('4')) return 'visa';
  if ((n(2) >= 51 && n(2) <= 55) || (n(4) >= 2221 && n(4) <= 2720)) return 'mastercard';
  if (n(2) === 34 || n(2) === 37) return 'amex';
  if (n(2) === 62) return 'unionpay';
  if (n(4) >= 3528 && n(4) <= 3589) return 'jcb';
  if (n(4) === 6011 || n(2) === 65 || (n(3) >= 644 && n(3) <= 649)) return 'discover';
  if (n(2) === 50 || (n(2) >= 56 && n(2) <= 58) || n(1) === 6) return 'maestro';
  return 'unknown';
}

/** True when the card is past its expiry month (valid through the last day of YYMM, UTC). */
export function isExpired(expiry: string, at: Date): boolean {
  const yy = Number(expiry.slice(0, 2));
  const mm = Number(expiry.slice(2, 4));
  if (!Number.isInteger(yy) || mm < 1 || mm > 12) return true;
  const firstDayAfter = Date.UTC(2000 + yy, mm, 1); // month index mm = the month after YYMM
  return at.getTime() >= firstDayAfter;
}
