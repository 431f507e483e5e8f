// Refunds: what can still be given back of a sale, issuing a refund, and refunds whose outcome is open.
// What returning a quantity pays back is decided in main/api/refund-share.ts (used by main and the screen).
import { z } from 'zod';
import type { PosError } from '../result';
import { ApprovalSchema, id, qtyMilli, type Unit } from './shared';
import { returns, type ChannelDefs } from './define';

/** Why goods come back; kept as a code so reports can count them, shown translated. */
export const REFUND_REASONS = ['defective', 'wrong_item', 'not_wanted', 'price_error', 'other'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/**
 * A refund's lifecycle (main/refunds/states.ts): cash refunds are completed in one commit; card and QR refunds
 * go sending -> completed | failed, or unknown (no answer after sending) until looked up.
 */
export type RefundState = 'sending' | 'completed' | 'failed' | 'unknown';

export interface RefundLineView {
  /** the sale line it returns (SaleView.lines[lineNo - 1]) */
  readonly lineNo: number;
  readonly name: string;
  readonly nameEn: string | null;
  readonly unit: Unit;
  readonly qtyMilli: number;
  /** what is paid back for it, tax included */
  readonly amountMinor: number;
  readonly taxMinor: number;
}

export interface RefundView {
  readonly refundId: string;
  /** printed on the refund slip, e.g. T01-R000004 */
  readonly refundNo: string;
  readonly saleId: string;
  /** the original sale's receipt number */
  readonly receiptNo: string;
  readonly state: RefundState;
  readonly tenderKind: 'cash' | 'card' | 'qr';
  /** card brand or QR scheme of the original payment; cash: null */
  readonly brand: string | null;
  readonly last4: string | null;
  readonly amountMinor: number;
  readonly taxMinor: number;
  readonly currency: string;
  readonly reason: RefundReason;
  readonly lines: readonly RefundLineView[];
  readonly training: boolean;
  /** the gateway's words on a failed refund */
  readonly message: string | null;
  readonly createdAt: string;
  readonly completedAt: string | null;
}

export interface RefundableLineView {
  readonly lineNo: number;
  readonly name: string;
  readonly nameEn: string | null;
  readonly unit: Unit;
  readonly soldQtyMilli: number;
  /** returned already, or being returned by a refund whose outcome is not known yet */
  readonly refundedQtyMilli: number;
  readonly remainingQtyMilli: number;
  readonly totalMinor: number;
  readonly remainingMinor: number;
}

export interface RefundableView {
  readonly saleId: string;
  readonly receiptNo: string;
  readonly completedAt: string;
  readonly currency: string;
  readonly training: boolean;
  /** where the money goes back: the sale's tender */
  readonly tender: {
    readonly kind: 'cash' | 'card' | 'qr';
    readonly brand: string | null;
    readonly last4: string | null;
  };
  /** card and QR refunds go through the gateway and are never stored offline */
  readonly onlineOnly: boolean;
  readonly lines: readonly RefundableLineView[];
  readonly remainingMinor: number;
  /** why no refund can be made now (e.g. ONLINE_ONLY while the gateway is offline), or null */
  readonly blocked: PosError | null;
  /** earlier refunds of this sale, oldest first */
  readonly refunds: readonly RefundView[];
}

export const refundChannels = {
  /**
   * What can still be refunded of a sale, and to which tender (the manager's refund screen). Also says when a
   * refund is impossible right now (e.g. a card refund while the gateway is offline) before anyone asks.
   */
  'refund.prepare': { input: z.strictObject({ saleId: id }), output: returns<RefundableView>() },
  /**
   * Refunds lines of a sale to the tender that paid it (cash from the drawer; card and QR through the gateway,
   * online only). Needs a manager's approval (refund.issue). `refundId` is made by the screen once per refund:
   * a retry with it returns that refund, never a second one.
   */
  'refund.issue': {
    input: z.strictObject({
      refundId: z.uuid(),
      saleId: id,
      lines: z
        .array(z.strictObject({ lineNo: z.int().min(1).max(100_000), qtyMilli }))
        .min(1)
        .max(1000),
      reason: z.enum(REFUND_REASONS),
      approval: ApprovalSchema,
    }),
    output: returns<RefundView>(),
  },
  'refund.get': { input: z.strictObject({ refundId: id }), output: returns<RefundView>() },
  /** Card and QR refunds whose outcome is not known yet (the manager's alerts screen). */
  'refund.open': { input: z.strictObject({}), output: returns<readonly RefundView[]>() },
  /** Looks a refund with an unknown outcome up at the gateway now. */
  'refund.resolve': { input: z.strictObject({ refundId: id }), output: returns<RefundView>() },
} as const satisfies ChannelDefs;
