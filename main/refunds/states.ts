// The refund lifecycle, in one place (persisted in refunds.state). A refund's id is its gateway reference, and
// a card or QR refund stores its idempotency key and exact request body BEFORE the request goes out:
//
//   cash:        (one commit) --> completed                       drawer opens, slip prints
//   card / QR:   sending --answer: refunded--> completed           slip prints
//                sending --answer: refused, or provably not sent--> failed   nothing was paid back
//                sending --timeout / reset / 5xx after sending--> unknown
//                unknown --lookup by reference--> completed | failed
//                unknown --lookup: the gateway never saw it--> sending       (resent: same key, same body)
// A crash while 'sending' leaves it 'sending'; start-up turns it into 'unknown' (it may have gone out).
// 'sending' and 'unknown' refunds hold their quantities: nothing can be refunded twice while one is open.
import { PosFailure } from '../api/result';
import type { RefundState } from '../api/contract';

export const REFUND_TRANSITIONS: Readonly<Record<RefundState, readonly RefundState[]>> = {
  sending: ['completed', 'failed', 'unknown'],
  unknown: ['completed', 'failed', 'sending'],
  completed: [],
  failed: [],
};

/** States whose quantities count as refunded (a failed refund gave nothing back). */
export const HOLDS_QUANTITY: readonly RefundState[] = ['sending', 'unknown', 'completed'];

export const isFinal = (s: RefundState): boolean => REFUND_TRANSITIONS[s].length === 0;

export function assertRefundTransition(from: RefundState, to: RefundState): void {
  if (!REFUND_TRANSITIONS[from].includes(to)) {
    throw new PosFailure('INTERNAL', `A refund cannot go from ${from} to ${to}`);
  }
}
