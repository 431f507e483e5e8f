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
export type DifferenceClass = Exclude<ReconClass, 'matched'>;
/** every class a manager resolves, in the contract's order (drawn, listed and exported in it) */
export const DIFFERENCE_CLASSES: readonly DifferenceClass[] = RECON_CLASSES.filter(
  (c): c is DifferenceClass => c !== 'matched',
);

/**
 * How a manager resolves a difference (stable ids: stored in recon_resolutions, journalled). Nothing here moves
 * money: refund_online records that the customer is (or was) refunded online through the gateway or wallet.
 * Which action fits which class: RESOLUTION_FITS below.
 */
export const RESOLUTION_ACTIONS = [
  'refund_online',
  'settled_in_cash',
  'accept_fee',
  'escalate_acquirer',
  'write_off',
] as const;
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

/**
 * Which action fits which class (declared here so the resolution screen offers only these and the main side
 * refuses the rest: main/reconciliation/resolution-rules.ts). A fee is only ever accepted; money the provider
 * took with no sale here (or that both sides disagree on) is refunded online; a sale the provider never
 * settled was paid some other way (cash) or is lost. Anything but a fee may be escalated to the acquirer; a
 * matched item has nothing to resolve.
 */
export const RESOLUTION_FITS: { readonly [A in ResolutionAction]: readonly ReconClass[] } = {
  refund_online: ['charged_no_sale', 'status_mismatch', 'amount_mismatch'],
  settled_in_cash: ['sale_no_charge', 'declined_after_forward', 'amount_mismatch'],
  accept_fee: ['fee'],
  escalate_acquirer: DIFFERENCE_CLASSES.filter((c) => c !== 'fee'),
  write_off: ['sale_no_charge', 'amount_mismatch', 'refund_one_side', 'declined_after_forward'],
};

/** the actions that fit a class, in RESOLUTION_ACTIONS order */
export const actionsFor = (cls: ReconClass): ResolutionAction[] =>
  RESOLUTION_ACTIONS.filter((a) => RESOLUTION_FITS[a].includes(cls));

/** The file layouts a manager may import (main/reconciliation/formats/read.ts reads each). */
export const IMPORT_FORMATS = ['wechat', 'alipay', 'gateway-json', 'gateway-csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** How a difference was resolved, as journalled: who approved it (id, code, name), the action and note. */
export interface ReconResolutionView {
  readonly action: ResolutionAction;
  readonly note: string;
  readonly by: { readonly id: string; readonly code: string; readonly name: string };
  readonly at: string;
}

/** What the matcher says about one pair or difference (main/reconciliation/match.ts makes them). */
export interface ReconItemFacts {
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
}

export interface ReconItemView extends ReconItemFacts {
  readonly id: string;
  readonly state: 'open' | 'resolved';
  readonly resolution: ReconResolutionView | null;
}

/** One step of a payment attempt's history: its creation, each journalled transition, its state now. */
export interface ReconAttemptStep {
  readonly at: string;
  /** 'created', a journal kind (payment.approved, payment.declined, ...) or 'current' */
  readonly event: string;
  /** the attempt's state after this step, where the step says it */
  readonly state: string | null;
  readonly detail: string | null;
}

/** Everything known about one difference (recon.item). */
export interface ReconItemDetail {
  readonly item: ReconItemView;
  readonly day: string;
  readonly sale: {
    readonly saleId: string;
    readonly receiptNo: string;
    readonly completedAt: string;
    readonly status: string;
    readonly terminalId: string;
    /** who rang it up (the sale's journal entry), null when not recorded */
    readonly cashier: {
      readonly id: string;
      readonly code: string | null;
      readonly name: string | null;
    } | null;
    readonly totalMinor: number;
    readonly tenders: readonly {
      readonly kind: string;
      readonly amountMinor: number;
      readonly reference: string | null;
    }[];
  } | null;
  readonly attempt: {
    readonly attemptId: string;
    readonly kind: 'card' | 'qr';
    readonly mode: 'online' | 'offline';
    readonly state: string;
    readonly amountMinor: number;
    readonly brand: string | null;
    readonly last4: string | null;
    readonly qrScheme: string | null;
    readonly history: readonly ReconAttemptStep[];
  } | null;
  readonly refunds: readonly {
    readonly refundId: string;
    readonly refundNo: string;
    readonly state: string;
    readonly amountMinor: number;
    readonly completedAt: string | null;
  }[];
  /** the rows of the day's current import(s) that carry the item's reference */
  readonly settlement: readonly {
    readonly source: string;
    readonly line: number;
    readonly kind: string;
    readonly reference: string | null;
    readonly providerId: string;
    readonly amountMinor: number;
    readonly feeMinor: number;
    readonly at: string;
    readonly status: string;
  }[];
}

/** One group's two sides (a tender kind, a brand or wallet, a cashier, a terminal, the day). */
export interface ReconBreakdownRow {
  readonly by: 'tender' | 'brand' | 'cashier' | 'terminal' | 'day';
  readonly key: string;
  /** what a screen shows: a cashier's code and name ("101 王芳"), a tender, brand or terminal's id; null: no key */
  readonly label: string | null;
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
  /** everything known about one difference (RECON_ITEM_NOT_FOUND for an unknown id) */
  'recon.item': {
    input: z.strictObject({ itemId: z.string().min(1).max(64) }),
    output: returns<ReconItemDetail>(),
  },
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
