// THE renderer <-> main contract, declared once. Everything else is derived from it:
// - main validates every payload against `contract[channel].input` (see main/ipc/dispatcher.ts);
// - the Electron preload and the web bridge build `window.pos` from `channelNames`;
// - the renderer's `PosApi` type is computed from the schemas and the `Outputs` map below.
// Adding a channel = one entry in `contract` + one in `Outputs`; the compiler flags every missing piece.
import { z } from 'zod';
import type { PosError, Result } from './result';

// ---------- shared value schemas ----------

/** Money in integer minor units (fen for CNY). Never a float. */
const minor = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Quantity in thousandths (1000 = one piece, 1250 = 1.250 kg). */
const qtyMilli = z.int().min(1).max(999_999_000);
const id = z.string().min(1).max(64);

export const DiscountSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), minor }),
  /** basis points: 1000 = 10 % */
  z.strictObject({ kind: z.literal('percent'), bp: z.int().min(0).max(10_000) }),
]);
export type Discount = z.infer<typeof DiscountSchema>;

/** A manager's approval of one privileged action: their operator code and PIN (checked in main/staff). */
export const ApprovalSchema = z.strictObject({
  operatorCode: z.string().regex(/^\d{1,6}$/),
  pin: z.string().regex(/^\d{4,8}$/),
});
export type Approval = z.infer<typeof ApprovalSchema>;

/** Why goods come back; kept as a code so reports can count them, shown translated. */
export const REFUND_REASONS = ['defective', 'wrong_item', 'not_wanted', 'price_error', 'other'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export const LocaleSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

// ---------- channels ----------

export const contract = {
  'app.bootstrap': z.strictObject({}),
  'settings.setLocale': z.strictObject({ locale: LocaleSchema }),

  'catalog.search': z.strictObject({ query: z.string().max(64), limit: z.int().min(1).max(100).optional() }),
  'catalog.importCsv': z.strictObject({ csv: z.string().max(50_000_000) }),

  'cart.get': z.strictObject({}),
  /** A scanned or typed barcode (keyboard-wedge burst or manual entry). */
  'cart.scan': z.strictObject({ code: z.string().max(128) }),
  'cart.addProduct': z.strictObject({ productId: id, qtyMilli: qtyMilli.optional() }),
  'cart.setQuantity': z.strictObject({ lineId: id, qtyMilli }),
  'cart.removeLine': z.strictObject({ lineId: id }),
  'cart.setLineDiscount': z.strictObject({ lineId: id, discount: DiscountSchema.nullable() }),
  'cart.setOrderDiscount': z.strictObject({ discount: DiscountSchema.nullable() }),
  'cart.clear': z.strictObject({}),

  /** Completes the sale. `cartId`+`cartVersion` make it idempotent: a retry returns the same sale. */
  'sale.tenderCash': z.strictObject({ cartId: id, cartVersion: z.int().min(0), tenderedMinor: minor }),
  'sale.get': z.strictObject({ saleId: id }),
  /** Training mode: the PNG of what the emulated printer printed for this sale's receipt. */
  'sale.receiptImage': z.strictObject({ saleId: id }),
  'sale.last': z.strictObject({}),
  /** Prints the last sale's receipt again, marked 重印 / COPY (cashier). */
  'sale.reprintLast': z.strictObject({}),
  /** Prints any sale's receipt again, marked 重印 / COPY; needs a manager's approval (receipt.reprintAny). */
  'sale.reprint': z.strictObject({ saleId: id, approval: ApprovalSchema }),
  /**
   * Past sales, newest first, for the manager's receipts screen. `query` is part of the receipt number (3+
   * characters: anywhere; 1-2: its end) and takes no other filter; `from`/`to` are shop days (the shop's time
   * zone, inclusive), combinable with `amountMinor` (the sale's total) and `last4` (a card that paid it).
   */
  'sale.history': z
    .strictObject({
      query: z.string().trim().max(32).optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      amountMinor: minor.optional(),
      last4: z
        .string()
        .regex(/^\d{4}$/)
        .optional(),
      /** the `cursor` of the previous page's last row: the next page starts after it */
      after: z.string().max(128).optional(),
      limit: z.int().min(1).max(100).optional(),
    })
    .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
      message: 'the first day is after the last day',
      path: ['to'],
    })
    .refine(
      (q) =>
        q.query === undefined || q.query === '' || (q.from ?? q.to ?? q.amountMinor ?? q.last4) === undefined,
      { message: 'a receipt number search takes no other filter', path: ['query'] },
    ),

  /**
   * Starts a card payment of the cart's total; the cart is locked until it ends. `customerContact` is asked for
   * when the gateway is offline (store-and-forward); `override` is a manager's approval to exceed the offline
   * amount/count caps.
   */
  'payment.startCard': z.strictObject({
    cartId: id,
    cartVersion: z.int().min(0),
    customerContact: z.string().trim().max(200).optional(),
    override: ApprovalSchema.optional(),
  }),
  /** A keyboard-wedge reader's track burst, handed straight over: main encrypts it at once and forgets it. */
  'payment.wedgeSwipe': z.strictObject({ attemptId: id, tracks: z.string().min(1).max(256) }),
  /** Training mode: swipe one of the documented test cards on the emulated encrypting reader. */
  'payment.trainingSwipe': z.strictObject({
    attemptId: id,
    testCard: z.enum(['visa', 'unionpay', 'mastercard', 'decline', 'stolen', 'expired', 'bad-read']),
  }),
  'payment.cancel': z.strictObject({ attemptId: id }),
  'payment.get': z.strictObject({ attemptId: id }),
  /** Looks an unknown payment up at the gateway now (the recovery screen's "check now"). */
  'payment.resolve': z.strictObject({ attemptId: id }),
  /** Payments a manager must see: unknown outcomes, declines after forwarding, expired, and what is stored. */
  'payment.recovery': z.strictObject({}),
  /** A manager has seen (and dealt with) a decline after forwarding or an expired payment. */
  'payment.acknowledge': z.strictObject({ attemptId: id, approval: ApprovalSchema }),
  /** A customer-presented payment code (WeChat Pay, Alipay, UnionPay) scanned for the cart's total. */
  'payment.startQr': z.strictObject({ cartId: id, cartVersion: z.int().min(0), code: z.string().max(32) }),

  /**
   * What can still be refunded of a sale, and to which tender (the manager's refund screen). Also says when a
   * refund is impossible right now (e.g. a card refund while the gateway is offline) before anyone asks.
   */
  'refund.prepare': z.strictObject({ saleId: id }),
  /**
   * Refunds lines of a sale to the tender that paid it (cash from the drawer; card and QR through the gateway,
   * online only). Needs a manager's approval (refund.issue). `refundId` is made by the screen once per refund:
   * a retry with it returns that refund, never a second one.
   */
  'refund.issue': z.strictObject({
    refundId: z.uuid(),
    saleId: id,
    lines: z
      .array(z.strictObject({ lineNo: z.int().min(1).max(100_000), qtyMilli }))
      .min(1)
      .max(1000),
    reason: z.enum(REFUND_REASONS),
    approval: ApprovalSchema,
  }),
  'refund.get': z.strictObject({ refundId: id }),
  /** Card and QR refunds whose outcome is not known yet (the manager's alerts screen). */
  'refund.open': z.strictObject({}),
  /** Looks a refund with an unknown outcome up at the gateway now. */
  'refund.resolve': z.strictObject({ refundId: id }),

  /** A "no sale" drawer open; needs a manager's approval (drawer.noSale); the reason is journalled. */
  'drawer.open': z.strictObject({ reason: z.string().trim().min(1).max(80), approval: ApprovalSchema }),
  'printer.status': z.strictObject({}),

  'status.get': z.strictObject({}),
  /**
   * Checks the whole store now, in a worker thread (selling goes on): `integrity_check` (default) or
   * `quick_check` of the database file, then the journal chain from its first entry. Needs a manager's approval
   * (store.maintenance). Answers when both are done; the status bar shows the verdict too.
   */
  'store.check': z.strictObject({
    mode: z.enum(['quick', 'integrity']).optional(),
    approval: ApprovalSchema,
  }),
  /** A backup of the store now, into the data folder's backups/, in a worker thread; manager (store.maintenance). */
  'store.backup': z.strictObject({ approval: ApprovalSchema }),
} as const;

export type Channel = keyof typeof contract;
export const channelNames = Object.keys(contract) as Channel[];
export type Input<C extends Channel> = z.infer<(typeof contract)[C]>;

// ---------- result shapes ----------

export type Unit = 'each' | 'kg';
export type PricingMode = 'inclusive' | 'exclusive';
export type TaxRounding = 'line' | 'receipt';

export interface ProductView {
  readonly id: string;
  readonly sku: string;
  readonly name: string; // primary (usually Chinese) name
  readonly nameEn: string | null;
  readonly priceMinor: number; // per piece, or per kg for weighed items
  readonly unit: Unit;
  readonly taxCategoryId: string;
  readonly barcodes: readonly string[];
}

export interface CartLineView {
  readonly lineId: string;
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly unit: Unit;
  readonly qtyMilli: number;
  readonly unitPriceMinor: number;
  readonly taxCategoryId: string;
  readonly taxRateBp: number;
  readonly discount: Discount | null;
  /** unitPrice x quantity, rounded half-up to the minor unit */
  readonly grossMinor: number;
  readonly lineDiscountMinor: number;
  /** this line's share of the order discount */
  readonly orderDiscountMinor: number;
  /** gross - line discount - order share; what the customer pays for this line (tax-inclusive mode) */
  readonly netMinor: number;
  readonly taxMinor: number;
  /** what this line contributes to the total due */
  readonly totalMinor: number;
}

export interface TaxSummaryView {
  readonly taxCategoryId: string;
  readonly name: string;
  readonly rateBp: number;
  readonly baseMinor: number; // tax-exclusive base
  readonly taxMinor: number;
}

export interface TotalsView {
  readonly grossMinor: number;
  readonly lineDiscountMinor: number;
  readonly orderDiscountMinor: number;
  readonly taxMinor: number;
  readonly totalMinor: number;
  readonly taxes: readonly TaxSummaryView[];
}

export interface CartView {
  readonly cartId: string;
  readonly version: number;
  readonly currency: string;
  readonly pricingMode: PricingMode;
  readonly taxRounding: TaxRounding;
  readonly lines: readonly CartLineView[];
  readonly orderDiscount: Discount | null;
  readonly totals: TotalsView;
  /** The line the last scan/add touched, so the UI can highlight it. */
  readonly lastLineId: string | null;
}

export interface TenderView {
  readonly kind: 'cash' | 'card' | 'qr';
  readonly amountMinor: number; // applied to the sale
  readonly tenderedMinor: number; // handed over (card and QR: the amount)
  readonly changeMinor: number; // card and QR: 0
  /** card and QR: the payment attempt, which is also the gateway reference; cash: null */
  readonly reference: string | null;
  /** card brand ('visa', 'unionpay', ...) or QR scheme ('wechat', 'alipay', 'unionpay'); cash: null */
  readonly brand: string | null;
  /** card: the last four digits, never more */
  readonly last4: string | null;
  readonly authCode: string | null;
  /** a card payment taken offline, to be forwarded by the sync worker */
  readonly storedOffline: boolean;
}

export interface SaleView {
  readonly saleId: string;
  readonly receiptNo: string;
  readonly completedAt: string; // ISO-8601
  readonly training: boolean;
  readonly currency: string;
  readonly lines: readonly CartLineView[];
  readonly orderDiscount: Discount | null;
  readonly totals: TotalsView;
  readonly tenders: readonly TenderView[];
}

export type DeviceState = 'not-configured' | 'online' | 'offline' | 'error';

/** Store-and-forward and sync, for the status bar. */
export interface PaymentsStatusView {
  /** card payments taken offline and not yet answered by the gateway */
  readonly pendingCount: number;
  readonly pendingMinor: number;
  /** when the oldest of them was taken (ISO) */
  readonly oldestPendingAt: string | null;
  /** the earliest forward deadline among them (ISO): after it they expire */
  readonly nextDeadline: string | null;
  /**
   * unknown outcomes, declines after forwarding, expired payments not yet acknowledged, and card/QR refunds
   * whose outcome is not known yet (`refund.open`)
   */
  readonly needsManager: number;
  /** sales waiting to be uploaded */
  readonly uploadsPending: number;
}

export interface StatusView {
  readonly trainingMode: boolean;
  readonly payments: PaymentsStatusView;
  readonly gateway: { readonly state: DeviceState; readonly detail: string | null };
  readonly printer: { readonly state: DeviceState; readonly detail: string | null };
  readonly storage: { readonly state: 'ok' | 'error'; readonly detail: string | null };
}

/** The last whole-store checks (run daily in the background, and by `store.check`); null: not run yet. */
export interface StoreCheckView {
  readonly database: {
    readonly at: string;
    readonly mode: 'quick' | 'integrity';
    readonly ok: boolean;
    /** SQLite's own words, the first few only. */
    readonly problems: readonly string[];
    readonly ms: number;
  } | null;
  readonly journal: {
    readonly at: string;
    readonly ok: boolean;
    /** entries verified, from the first, when ok */
    readonly entries: number;
    /** the first entry that did not check out */
    readonly brokenAt: number | null;
    readonly reason: string | null;
    readonly ms: number;
  } | null;
}

export interface StoreBackupView {
  /** The backup file's full path. */
  readonly file: string;
  readonly bytes: number;
}

export interface StoreInfoView {
  readonly name: string;
  readonly nameEn: string | null;
  readonly terminalId: string;
}

export type PaymentState =
  | 'created'
  | 'authorizing'
  | 'approved'
  | 'declined'
  | 'unknown'
  | 'user_paying'
  | 'reversing'
  | 'cancelled'
  | 'stored'
  | 'forwarding'
  | 'forward_unknown'
  | 'forward_approved'
  | 'forward_declined'
  | 'expired';

/** A payment attempt as the UI may see it: brand and last four at most, never card data. */
export interface PaymentView {
  readonly attemptId: string;
  readonly kind: 'card' | 'qr';
  readonly mode: 'online' | 'offline';
  readonly state: PaymentState;
  readonly amountMinor: number;
  readonly currency: string;
  readonly brand: string | null;
  readonly last4: string | null;
  readonly qrScheme: 'wechat' | 'alipay' | 'unionpay' | null;
  readonly authCode: string | null;
  readonly responseCode: string | null;
  readonly message: string | null;
  readonly saleId: string | null;
  readonly storedAt: string | null;
  readonly forwardDeadline: string | null;
  readonly acknowledged: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface PaymentResultView {
  /** approved/stored: the sale is complete; declined: try another way; unknown: being looked up; pending: waiting */
  readonly outcome: 'approved' | 'stored' | 'declined' | 'unknown' | 'pending';
  readonly payment: PaymentView;
  readonly sale: SaleView | null;
}

/** One row of the sales history. */
export interface SaleSummaryView {
  readonly saleId: string;
  readonly receiptNo: string;
  readonly completedAt: string;
  readonly currency: string;
  readonly totalMinor: number;
  readonly lineCount: number;
  readonly training: boolean;
  /** pass as `after` to get the rows that follow this one */
  readonly cursor: string;
}

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

export interface BootstrapView {
  readonly locale: Locale;
  /**
   * The card reader as configured: 'training' (emulated encrypting reader), 'idtech-hid' (encrypting),
   * 'keyboard-wedge' (types clear tracks: works, but widens PCI scope — shown as a warning), or 'none'.
   */
  readonly cardReader: {
    readonly kind: 'training' | 'idtech-hid' | 'keyboard-wedge' | 'none';
    readonly widensPciScope: boolean;
  };
  /** Training mode's demo manager, shown on the approval prompt; null outside training mode. */
  readonly trainingApprover: { readonly code: string; readonly pin: string } | null;
  readonly currency: string;
  readonly store: StoreInfoView;
  readonly cart: CartView;
  readonly lastSale: SaleView | null;
  readonly status: StatusView;
}

export interface ImportReport {
  readonly imported: number;
  readonly updated: number;
}

/** A print job that was queued (its receipt comes out when the printer is ready). */
export interface PrintJobRef {
  readonly jobId: number;
}

export interface PrinterStatusView {
  readonly state: DeviceState;
  /** 'paper-out', 'cover-open', 'offline', 'disconnected', 'cutter-error', 'error', 'paper-near-end' or null */
  readonly problem: string | null;
  readonly queue: { readonly waiting: number; readonly printing: number };
  readonly lastError: string | null;
  /**
   * The cash drawer as the printer's drawer sensor (DLE EOT 1, pin 3) last reported it: true = open. null when
   * unknown (no printer, not asked yet, or unreachable).
   */
  readonly drawerOpen: boolean | null;
}

/** What the emulated (training-mode) printer printed for a sale's receipt. */
export interface ReceiptImageView {
  /** `data:image/png;base64,...` of that receipt's paper; null when not printed yet or not in training mode */
  readonly png: string | null;
}

export interface Outputs {
  'app.bootstrap': BootstrapView;
  'settings.setLocale': { readonly locale: Locale };
  'catalog.search': readonly ProductView[];
  'catalog.importCsv': ImportReport;
  'cart.get': CartView;
  'cart.scan': CartView;
  'cart.addProduct': CartView;
  'cart.setQuantity': CartView;
  'cart.removeLine': CartView;
  'cart.setLineDiscount': CartView;
  'cart.setOrderDiscount': CartView;
  'cart.clear': CartView;
  'sale.tenderCash': SaleView;
  'sale.get': SaleView;
  'sale.receiptImage': ReceiptImageView;
  'sale.last': SaleView | null;
  'sale.reprintLast': PrintJobRef;
  'sale.reprint': PrintJobRef;
  'sale.history': readonly SaleSummaryView[];
  'payment.startCard': PaymentView;
  'payment.wedgeSwipe': PaymentResultView;
  'payment.trainingSwipe': PaymentResultView;
  'payment.cancel': PaymentView;
  'payment.get': PaymentView;
  'payment.resolve': PaymentResultView;
  'payment.recovery': readonly PaymentView[];
  'payment.acknowledge': PaymentView;
  'payment.startQr': PaymentResultView;
  'refund.prepare': RefundableView;
  'refund.issue': RefundView;
  'refund.get': RefundView;
  'refund.open': readonly RefundView[];
  'refund.resolve': RefundView;
  'drawer.open': PrintJobRef;
  'printer.status': PrinterStatusView;
  'status.get': StatusView;
  'store.check': StoreCheckView;
  'store.backup': StoreBackupView;
}

// Compile-time guard: Outputs has exactly the contract's channels.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _outputsMatch: Exact<keyof Outputs, Channel> = true;
void _outputsMatch;

export type Output<C extends Channel> = Outputs[C];

// ---------- events pushed from main ----------

/** A swipe on a hardware reader that main could not use for the waiting payment (the dialog shows why). */
export interface PaymentErrorEvent {
  readonly attemptId: string;
  readonly error: PosError;
}

export interface Events {
  status: StatusView;
  cart: CartView;
  payment: PaymentView;
  paymentError: PaymentErrorEvent;
}
export type EventName = keyof Events;
export const eventNames: readonly EventName[] = ['status', 'cart', 'payment', 'paymentError'];

// ---------- the renderer-facing API, derived ----------

type Split<S extends string> = S extends `${infer G}.${infer V}` ? [G, V] : never;
type Groups = Split<Channel>[0];
type VerbsOf<G extends string> = Extract<Channel, `${G}.${string}`>;

/** `window.pos.cart.scan({ code })` -> Promise<Result<CartView>> */
export type PosApi = {
  readonly [G in Groups]: {
    readonly [C in VerbsOf<G> as Split<C>[1]]: (input: Input<C>) => Promise<Result<Output<C>>>;
  };
} & {
  /** Subscribe to a pushed event; returns an unsubscribe function. */
  readonly on: <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => () => void;
};

/** One transport-agnostic builder used by the Electron preload and the web bridge alike. */
export function buildPosApi(
  invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void,
): PosApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of channelNames) {
    const [group, verb] = channel.split('.') as [string, string];
    (api[group] ??= {})[verb] = (input: unknown) => invoke(channel, input ?? {});
  }
  return Object.freeze({
    ...api,
    on: (event: EventName, listener: (payload: never) => void) =>
      subscribe(event, listener as (payload: unknown) => void),
  }) as unknown as PosApi;
}
