// Store-and-forward: when the gateway cannot be reached, a card payment may be taken offline and forwarded
// later, with the decline risk on the shop. These limits bound that risk; the defaults follow what processors
// document (payments.md: Square 100 per payment / 24 h, Stripe's example 200 per payment / 500 total, ...).
// Refunds and QR payments are never offline; keyed and keyboard-wedge entry are refused offline by default
// (no reader cryptogram, the usual fraud path). A manager may override the amount and count caps (journalled),
// never the entry mode, brand or deadline rules.
import type { CardBrand, EntryMode } from '../../gateway/protocol/schemas';

export interface OfflinePolicy {
  readonly perPaymentCapMinor: number;
  readonly totalCapMinor: number;
  readonly countCap: number;
  readonly forwardDeadlineHours: number;
  readonly entryModes: readonly EntryMode[];
  readonly brands: readonly CardBrand[];
}

/** CNY figures: 200.00 per payment, 2,000.00 stored in total, 100 payments, forwarded within 24 h. */
export const DEFAULT_OFFLINE_POLICY: OfflinePolicy = {
  perPaymentCapMinor: 20_000,
  totalCapMinor: 200_000,
  countCap: 100,
  forwardDeadlineHours: 24,
  entryModes: ['swipe', 'chip', 'contactless'],
  brands: ['visa', 'mastercard', 'unionpay', 'jcb', 'amex', 'discover'],
};

export interface StoredTotals {
  readonly count: number;
  readonly amountMinor: number;
}

export type PolicyLimit = 'perPayment' | 'total' | 'count' | 'entryMode' | 'brand';

export type PolicyVerdict =
  | { readonly ok: true; readonly overridden: readonly PolicyLimit[] }
  | {
      readonly ok: false;
      readonly limit: PolicyLimit;
      /** a manager may override this one */
      readonly overridable: boolean;
      readonly detail: Readonly<Record<string, string | number>>;
    };

/** Which limits this payment would break, checked in the order the cashier can act on. */
export function checkOffline(
  policy: OfflinePolicy,
  payment: { readonly amountMinor: number; readonly entryMode: EntryMode; readonly brand: CardBrand },
  stored: StoredTotals,
  managerOverride: boolean,
): PolicyVerdict {
  if (!policy.entryModes.includes(payment.entryMode)) {
    return { ok: false, limit: 'entryMode', overridable: false, detail: { entryMode: payment.entryMode } };
  }
  if (!policy.brands.includes(payment.brand)) {
    return { ok: false, limit: 'brand', overridable: false, detail: { brand: payment.brand } };
  }
  const broken: { limit: PolicyLimit; detail: Record<string, number> }[] = [];
  if (payment.amountMinor > policy.perPaymentCapMinor) {
    broken.push({
      limit: 'perPayment',
      detail: { amountMinor: payment.amountMinor, capMinor: policy.perPaymentCapMinor },
    });
  }
  if (stored.amountMinor + payment.amountMinor > policy.totalCapMinor) {
    broken.push({
      limit: 'total',
      detail: {
        storedMinor: stored.amountMinor,
        amountMinor: payment.amountMinor,
        capMinor: policy.totalCapMinor,
      },
    });
  }
  if (stored.count + 1 > policy.countCap) {
    broken.push({ limit: 'count', detail: { stored: stored.count, cap: policy.countCap } });
  }
  const first = broken[0];
  if (first && !managerOverride)
    return { ok: false, limit: first.limit, overridable: true, detail: first.detail };
  return { ok: true, overridden: broken.map((b) => b.limit) };
}
