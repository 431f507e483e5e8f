// The sandbox issuer: a pure decision from the card, the amount and the request, so every outcome a POS must
// handle can be produced on purpose. docs/gateway-sandbox.md lists the same rules for people; keep in step.
import type { AuthorizeRequest } from '../protocol/schemas';
import { isExpired, luhnValid } from './card-number';

export interface Decision {
  readonly status: 'approved' | 'declined' | 'referral';
  readonly responseCode: string;
  readonly message: string;
}

/** Above this many minor units (10,000.00) every authorization is declined '61'. */
export const AMOUNT_LIMIT_MINOR = 1_000_000;

/** Test PANs with a fixed answer (all pass the Luhn check). */
export const TEST_PANS = {
  doNotHonour: '4000000000000002',
  /** approves an authorization (capture: false) but declines a sale (capture: true) with '57' */
  authOnly: '4000000000000119',
  /** always declined '54', whatever expiry the track carries */
  expired: '4000000000000069',
  /** declined '43' stolen card (pick up) */
  stolen: '4000000000009979',
} as const;

const declined = (responseCode: string, message: string): Decision => ({
  status: 'declined',
  responseCode,
  message,
});

/** `presentedAt`: when the card was at the counter (storedAt for a stored-offline forward, else now). */
export function decide(req: AuthorizeRequest, pan: string, expiry: string, presentedAt: Date): Decision {
  if (!luhnValid(pan)) return declined('14', 'invalid card number');
  if (pan === TEST_PANS.expired || isExpired(expiry, presentedAt)) return declined('54', 'expired card');
  if (pan === TEST_PANS.stolen) return declined('43', 'stolen card, pick up');
  if (pan === TEST_PANS.doNotHonour) return declined('05', 'do not honour');
  if (pan === TEST_PANS.authOnly && req.capture) {
    return declined('57', 'transaction not permitted to cardholder');
  }
  if (req.amountMinor > AMOUNT_LIMIT_MINOR) return declined('61', 'exceeds withdrawal amount limit');
  switch (req.amountMinor % 100) {
    case 51:
      return declined('51', 'insufficient funds');
    case 5:
      return declined('05', 'do not honour');
    case 1:
      return { status: 'referral', responseCode: '01', message: 'refer to card issuer' };
    default:
      return { status: 'approved', responseCode: '00', message: 'approved' };
  }
}
