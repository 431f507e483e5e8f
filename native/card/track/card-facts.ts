// The only card data that may be persisted (payments guide / PCI DSS 3.3-3.4): brand, BIN (6, or 8 on 16+
// digit PANs), last four, expiry, and a masked PAN showing at most BIN6 + last four.
import type { CardFacts } from '../card-facts';
import { cardBrand } from './brand';
import { checkExpiry, checkPan } from './fields';

/** The facts of a clear (keyboard-wedge) read: the kept CardFacts plus what only a clear PAN can tell. */
export interface ClearCardFacts extends CardFacts {
  /** Eight-digit BIN, only for PANs of 16 digits or more (shorter PANs would reveal too much). */
  readonly bin8: string | null;
  /** First 6 and last 4 digits, the rest as '*': "411111******1111". For display; receipts show last4 only. */
  readonly masked: string;
}

/** Throws TrackError (track null) when `pan` is not 12-19 digits or `expiry` not a valid YYMM. */
export function cardFacts(pan: string, expiry: string): ClearCardFacts {
  const p = checkPan(null, pan);
  if (!p.ok) throw p.error;
  const e = checkExpiry(null, expiry, '=');
  if (!e.ok) throw e.error;
  const last4 = pan.slice(-4);
  return {
    brand: cardBrand(pan),
    bin: pan.slice(0, 6),
    bin8: pan.length >= 16 ? pan.slice(0, 8) : null,
    last4,
    expiry,
    masked: `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${last4}`,
  };
}
