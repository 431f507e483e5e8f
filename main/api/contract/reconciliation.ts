// Reconciliation (main/reconciliation/): a day's card and QR payments and refunds against what the gateway
// or a wallet settled. Every pair or difference is an item of one class; the class ids are stable (stored
// in recon_items, printed by `npm run reconcile -- --json`, named by the resolution screen).
import { z } from 'zod';
import { ApprovalSchema } from './shared';
import { EXPORT_FORMATS, type ExportView } from './reports';
import { returns, type ChannelDefs } from './define';

export const RECON_CLASSES = [
  'matched',
  /** settled by the provider, no local sale (e.g. the answer was lost after the gateway charged) */
  'charged_no_sale',
  /** a local card/QR tender the provider did not settle */
  'sale_no_charge',
  'amount_mismatch',
  /** both sides know the payment but disagree on what became of it (e.g. refunded at the wallet, not here) */
  'status_mismatch',
  /** a refund done here that the provider does not report */
  'refund_one_side',
  /** a payment stored offline, sold against, and declined when it was forwarded */
  'declined_after_forward',
  /** fees the provider reported, shown apart from sales */
  'fee',
] as const;
export type ReconClass = (typeof RECON_CLASSES)[number];

/**
 * How a manager resolves a difference (stable ids: stored in recon_resolutions, journalled). Nothing here moves
 * money: refund_online records that the customer is (or was) refunded online through the gateway or wallet.
 * Which action fits which class: main/reconciliation/resolution-rules.ts.
 */
export const RESOLUTION_ACTIONS = [
  'refund_online',
  'settled_in_cash',
  'accept_fee',
  'escalate_acquirer',
  'write_off',
] as const;
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

/** The file layouts a manager may import (main/reconciliation/formats/read.ts reads each). */
export const IMPORT_FORMATS = ['wechat', 'alipay', 'gateway-json', 'gateway-csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ReconItemView {
  readonly id: string;
  readonly class: ReconClass;
  /** the attempt id the till sent (or the provider's reference when no local side was found) */
  readonly reference: string | null;
  readonly saleId: string | null;
  readonly attemptId: string | null;
  readonly refundId: string | null;
  readonly localMinor: number;
  readonly settledMinor: number;
  /** everything known about it: the local sale and attempt, the settlement row(s) */
  readonly details: Readonly<Record<string, unknown>>;
  readonly state: 'open' | 'resolved';
}

/** One group's two sides (a tender kind, a brand or wallet, a cashier, a terminal, the day). */
export interface ReconBreakdownRow {
  readonly by: 'tender' | 'brand' | 'cashier' | 'terminal' | 'day';
  readonly key: string;
  readonly localMinor: number;
  readonly settledMinor: number;
}

/** A shift of the day's cash: what the till expected in the drawer against what was counted. */
export interface ReconCashRow {
  readonly shiftId: string;
  readonly drawerId: string;
  readonly expectedMinor: number | null;
  readonly countedMinor: number | null;
}

export interface SettlementTotals {
  readonly chargedMinor: number;
  readonly refundedMinor: number;
  readonly feeMinor: number;
}

export interface ReconDayView {
  readonly day: string;
  /** the current imports the items were matched against */
  readonly imports: readonly { source: string; fileName: string | null; rows: number; importedAt: string }[];
  readonly rows: number;
  readonly totals: SettlementTotals;
  readonly items: readonly ReconItemView[];
  readonly breakdown: readonly ReconBreakdownRow[];
  readonly cash: readonly ReconCashRow[];
  /** every difference (a non-matched item) resolved; a day without differences is reconciled too */
  readonly reconciled: boolean;
  /** the differences still open and those resolved */
  readonly open: number;
  readonly resolved: number;
}

const day = z.iso.date();

export const reconciliationChannels = {
  /** the day's items and totals as last reconciled (nothing fetched) */
  'recon.day': { input: z.strictObject({ day }), output: returns<ReconDayView>() },
  /** fetch the day's settlement from the gateway, then reconcile */
  'recon.fetch': { input: z.strictObject({ day }), output: returns<ReconDayView>() },
  /** writes the day's reconciliation as CSV or PDF into the data folder's exports/, in the till's language */
  'recon.export': {
    input: z.strictObject({ day, format: z.enum(EXPORT_FORMATS) }),
    output: returns<ExportView>(),
  },
  // (kept above recon.import: test/layering.test.ts would read the channel name and the next quote as an import)
  /** resolve one difference with an action and a note (approved by a manager, journalled) */
  'recon.resolve': {
    input: z.strictObject({
      itemId: z.string().min(1).max(64),
      action: z.enum(RESOLUTION_ACTIONS),
      note: z.string().trim().min(1).max(500),
      approval: ApprovalSchema,
    }),
    output: returns<ReconDayView>(),
  },
  /** import a settlement file (a manager's approval), then reconcile */
  'recon.import': {
    input: z.strictObject({
      day,
      fileName: z.string().min(1).max(255),
      bytes: z.base64().max(64 * 1024 * 1024),
      format: z.enum(IMPORT_FORMATS),
      approval: ApprovalSchema,
    }),
    output: returns<ReconDayView>(),
  },
} as const satisfies ChannelDefs;
