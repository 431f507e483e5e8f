// Z_REFUSED's detail.blockers, read defensively: the screen shows a blocker only when it has the fields its
// words need (main/reports/z-blockers.ts sends them; the contract declares ZBlocker).
import type { ZBlocker } from '@contract/contract';
import type { PosError } from '@contract/result';

/** One blocker as main sends it: the fields its words need are there and of the right type. */
function isBlocker(b: unknown): b is ZBlocker {
  if (typeof b !== 'object' || b === null) return false;
  const o = b as Record<string, unknown>;
  const text = (k: string) => typeof o[k] === 'string';
  const amount = typeof o['amountMinor'] === 'number';
  if (o['kind'] === 'shift-open') return text('drawerId') && text('shiftId') && text('state');
  if (o['kind'] === 'payment-unknown') return text('attemptId') && text('state') && amount;
  return o['kind'] === 'refund-unknown' && text('refundId') && amount;
}

/** detail.blockers of a Z_REFUSED, kept only where it has the shape the contract declares. */
export function zBlockers(error: PosError): readonly ZBlocker[] {
  const raw = error.detail?.['blockers'];
  return Array.isArray(raw) ? raw.filter(isBlocker) : [];
}
