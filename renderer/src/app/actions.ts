// Every call to main the screen makes, in one place: unwrap the Result, put cart/status into the reducer,
// and turn any error into a translated toast. Callers get a boolean (or the value) to decide what's next.
import type {
  PaymentErrorEvent,
  Approval,
  CartView,
  Discount,
  Input,
  Locale,
  PaymentResultView,
  PaymentView,
  PosApi,
  PrinterStatusView,
  ProductView,
  RefundView,
  RefundableView,
  SaleSummaryView,
  SaleView,
  StoreBackupView,
  StoreCheckView,
} from '@contract/contract';
import type { PosError, Result } from '@contract/result';
import { errorMessage, type ErrorContext } from '../i18n/errors';
import type { MessageKey, MessageValues } from '../i18n/translate';
import type { SessionAction } from './session';
import { tillNeed } from './till-gate';

export interface TenderInput {
  readonly cartId: string;
  readonly cartVersion: number;
  readonly tenderedMinor: number;
}

/** What a scan did: a product line, a refusal (already toasted), or a customer's payment code (not toasted). */
/** `cardData`: card data was typed or swiped into the field; main refused it and the field must be cleared. */
export type ScanOutcome = 'added' | 'failed' | 'paymentCode' | 'cardData';

export type TestCard = Input<'payment.trainingSwipe'>['testCard'];

/** One page of the sales history: `after` is the previous page's last cursor. */
export interface HistoryPage {
  /** receipt number, or days / amount / card last four (renderer/src/history/history-filter.ts) */
  readonly search: Omit<Input<'sale.history'>, 'after' | 'limit'>;
  readonly after?: string;
}

/** Rows per history page: a screenful, so "more" is a real next page. */
export const HISTORY_PAGE_SIZE = 20;

/**
 * A call that carries a manager's approval answers with the error (null = done), not a toast: the approval
 * dialog shows it where the manager is looking and stays open. The approval itself is never kept.
 */
export type ApprovedCall = (approval: Approval) => Promise<PosError | null>;

/**
 * 'saved'; 'approval': over the shop's discount limit, ask for a manager (nothing shown yet); 'failed': the
 * error was shown as a toast; or the refusal of the approval given, for the approval dialog to show.
 */
export type DiscountAnswer = 'saved' | 'approval' | 'failed' | PosError;

export interface Actions {
  scan(code: string): Promise<ScanOutcome>;
  addProduct(productId: string, qtyMilli?: number): Promise<boolean>;
  setQuantity(lineId: string, qtyMilli: number): Promise<boolean>;
  removeLine(lineId: string): Promise<boolean>;
  /** See DiscountAnswer: a discount over the shop's limit answers 'approval' until a manager approves it. */
  setLineDiscount(lineId: string, discount: Discount | null, approval?: Approval): Promise<DiscountAnswer>;
  setOrderDiscount(discount: Discount | null, approval?: Approval): Promise<DiscountAnswer>;
  clear(): Promise<boolean>;
  /** Products for a query; null after a refusal (toasted); 'cardData': main refused card data, clear the field. */
  search(query: string): Promise<readonly ProductView[] | null | 'cardData'>;
  /** The raw Result: the cash dialog needs the error itself (to offer a safe retry). */
  tender(input: TenderInput): Promise<Result<SaleView>>;
  setLocale(locale: Locale): Promise<void>;
  newSale(): Promise<void>;
  /** Fetch `printer.status` into the session (quietly: on failure the status slot's text is used). */
  printerStatus(): Promise<PrinterStatusView | null>;
  /** The same, fire and forget (a stable function, for effects). */
  refreshPrinter(): void;
  /** Training mode: the PNG data URL the emulated printer printed for a sale, or null (quietly). */
  receiptImage(saleId: string): Promise<string | null>;
  /** `sale.reprintLast`, with a toast either way. */
  reprintLast(): Promise<boolean>;
  /** A "no sale" drawer open with its (required) reason and a manager's approval; a toast on success. */
  openDrawer(reason: string): ApprovedCall;
  /** A whole-store check now (`store.check`), approved by a manager; the verdict goes to `onResult`. */
  checkStore(onResult: (v: StoreCheckView) => void): ApprovedCall;
  /** A backup of the store now (`store.backup`), approved by a manager; the file goes to `onResult`. */
  backupStore(onResult: (v: StoreBackupView) => void): ApprovedCall;
  /** A copy of any past sale's receipt (`sale.reprint`), approved by a manager; a toast names the receipt. */
  reprintSale(sale: { readonly saleId: string; readonly receiptNo: string }): ApprovedCall;
  /** A page of past sales, newest first (errors are toasts; null then). */
  saleHistory(page: HistoryPage): Promise<readonly SaleSummaryView[] | null>;
  /** One past sale in full, for the receipts screen (errors are toasts; null then). */
  saleDetail(saleId: string): Promise<SaleView | null>;
  // Payments answer with the raw Result: each dialog shows the outcome in place (a declined card, an
  // unknown outcome) rather than as a toast, and decides what the cashier may do next.
  startCard(input: Input<'payment.startCard'>): Promise<Result<PaymentView>>;
  trainingSwipe(attemptId: string, testCard: TestCard): Promise<Result<PaymentResultView>>;
  /** A wedge reader's tracks, passed straight on: this function keeps no reference to them. */
  wedgeSwipe(attemptId: string, tracks: string): Promise<Result<PaymentResultView>>;
  cancelPayment(attemptId: string): Promise<Result<PaymentView>>;
  resolvePayment(attemptId: string): Promise<Result<PaymentResultView>>;
  startQr(input: Input<'payment.startQr'>): Promise<Result<PaymentResultView>>;
  // Refunds answer with the raw Result too: the refund dialog shows a refusal, an unknown outcome or an
  // offline gateway in place, and keeps the refund's id for a retry.
  /** What is left to refund of a sale, to which tender, and whether a refund is possible now. */
  refundPrepare(saleId: string): Promise<Result<RefundableView>>;
  /** Refunds lines of a sale (a manager's approval inside the input); a retry reuses `refundId`. */
  refundIssue(input: Input<'refund.issue'>): Promise<Result<RefundView>>;
  /** Looks a refund with an unknown outcome up at the gateway now. */
  refundResolve(refundId: string): Promise<Result<RefundView>>;
  /** The payments a manager must see (errors are toasts; null then). */
  paymentRecovery(): Promise<readonly PaymentView[] | null>;
  /** Card and QR refunds whose outcome is not known yet, for the alerts screen (errors are toasts; null then). */
  refundOpen(): Promise<readonly RefundView[] | null>;
  /** A manager acknowledges a decline after forwarding or an expired payment. */
  acknowledgePayment(attemptId: string): ApprovedCall;
  /** Pushed `payment` events; returns the unsubscribe function. */
  onPayment(listener: (payment: PaymentView) => void): () => void;
  /** A hardware reader's swipe main could not use for a waiting payment (why, for the dialog). */
  onPaymentError(listener: (e: PaymentErrorEvent) => void): () => void;
  /** A card or QR payment completed the sale: show it, and fetch the next cart. */
  paymentCompleted(sale: SaleView): void;
  /** A payment ended without a sale (declined, cancelled): the cart is unlocked, re-read it. */
  paymentEnded(): void;
  refresh(): Promise<void>;
  notify(key: MessageKey, values?: MessageValues, tone?: 'error' | 'info'): void;
  dismissToast(id: number): void;
  selectLine(lineId: string): void;
  moveSelection(delta: number): void;
}

const isPaymentCode = (e: PosError): boolean =>
  (e.code === 'BARCODE_MALFORMED' || e.code === 'BARCODE_UNKNOWN') && e.detail?.['reason'] === 'payment-code';

export function createActions(pos: PosApi, dispatch: (a: SessionAction) => void): Actions {
  const fail = (error: Parameters<typeof errorMessage>[0], ctx?: ErrorContext): void => {
    dispatch({ type: 'toast', toast: { tone: 'error', ...errorMessage(error, ctx) } });
    // Refused until someone signs in or opens a shift: the screen opens the dialog that does it.
    const need = tillNeed(error);
    if (need) dispatch({ type: 'gate', need });
    // Our picture of the cart is out of date: fetch the truth.
    if (error.code === 'LINE_NOT_FOUND' || error.code === 'CART_STALE') void refreshCart();
  };

  const unwrap = async <T>(call: Promise<Result<T>>, ctx?: ErrorContext): Promise<T | null> => {
    const r = await call;
    if (r.ok) return r.value;
    fail(r.error, ctx);
    return null;
  };

  const cartCall = async (call: Promise<Result<CartView>>, touched = false, ctx?: ErrorContext) => {
    const cart = await unwrap(call, ctx);
    if (cart) dispatch({ type: 'cart', cart, touched });
    return cart !== null;
  };

  const discountCall = async (
    call: Promise<Result<CartView>>,
    approved: boolean,
  ): Promise<DiscountAnswer> => {
    const r = await call;
    if (r.ok) {
      dispatch({ type: 'cart', cart: r.value, touched: false });
      return 'saved';
    }
    if (r.error.code === 'APPROVAL_REQUIRED') return 'approval';
    if (approved && (r.error.code === 'APPROVAL_DENIED' || r.error.code === 'APPROVAL_LOCKED'))
      return r.error;
    fail(r.error);
    return 'failed';
  };

  const refreshCart = async (): Promise<void> => {
    const r = await pos.cart.get({});
    if (r.ok) dispatch({ type: 'cart', cart: r.value });
  };

  let printerSeq = 0;
  const printerStatus = async (): Promise<PrinterStatusView | null> => {
    const seq = ++printerSeq;
    const r = await pos.printer.status({});
    const printer = r.ok ? r.value : null;
    if (seq === printerSeq) dispatch({ type: 'printer', printer }); // answers can cross: keep the newest
    return printer;
  };

  return {
    scan: async (code) => {
      const r = await pos.cart.scan({ code });
      if (r.ok) {
        dispatch({ type: 'cart', cart: r.value, touched: true });
        return 'added';
      }
      // A customer's payment code: the caller takes the payment; no "not a product" toast.
      if (isPaymentCode(r.error)) return 'paymentCode';
      // Card data is never echoed: the toast gets no code to show, and the field is cleared.
      if (r.error.code === 'CARD_DATA_IN_BARCODE') {
        fail(r.error);
        return 'cardData';
      }
      fail(r.error, { code });
      return 'failed';
    },
    addProduct: (productId, qtyMilli) =>
      cartCall(pos.cart.addProduct(qtyMilli === undefined ? { productId } : { productId, qtyMilli }), true),
    setQuantity: (lineId, qtyMilli) => cartCall(pos.cart.setQuantity({ lineId, qtyMilli })),
    removeLine: (lineId) => cartCall(pos.cart.removeLine({ lineId })),
    setLineDiscount: (lineId, discount, approval) =>
      discountCall(
        pos.cart.setLineDiscount({ lineId, discount, ...(approval ? { approval } : {}) }),
        !!approval,
      ),
    setOrderDiscount: (discount, approval) =>
      discountCall(pos.cart.setOrderDiscount({ discount, ...(approval ? { approval } : {}) }), !!approval),
    clear: () => cartCall(pos.cart.clear({})),
    search: async (query) => {
      const r = await pos.catalog.search({ query, limit: 30 });
      if (r.ok) return r.value;
      fail(r.error); // its message shows no digit of it
      return r.error.code === 'CARD_DATA_IN_BARCODE' ? 'cardData' : null;
    },
    tender: async (input) => {
      const r = await pos.sale.tenderCash(input);
      if (r.ok) {
        dispatch({ type: 'completed', sale: r.value });
        void refreshCart(); // main has opened the next cart
      } else {
        fail(r.error);
      }
      return r;
    },
    setLocale: async (locale) => {
      dispatch({ type: 'locale', locale }); // switch at once; main only persists it
      const r = await pos.settings.setLocale({ locale });
      if (!r.ok) fail(r.error);
    },
    newSale: async () => {
      dispatch({ type: 'dismissCompleted' });
      await refreshCart();
    },
    printerStatus,
    refreshPrinter: () => void printerStatus(),
    receiptImage: async (saleId) => {
      const r = await pos.sale.receiptImage({ saleId });
      return r.ok ? r.value.png : null;
    },
    reprintLast: async () => {
      const job = await unwrap(pos.sale.reprintLast({}));
      if (job) dispatch({ type: 'toast', toast: { tone: 'info', key: 'printer.reprinted', values: {} } });
      return job !== null;
    },
    openDrawer: (reason) => async (approval) => {
      const r = await pos.drawer.open({ reason: reason.trim(), approval });
      if (!r.ok) return r.error;
      dispatch({ type: 'toast', toast: { tone: 'info', key: 'drawer.opened', values: {} } });
      return null;
    },
    checkStore: (onResult) => async (approval) => {
      const r = await pos.store.check({ approval });
      if (!r.ok) return r.error;
      onResult(r.value);
      return null;
    },
    backupStore: (onResult) => async (approval) => {
      const r = await pos.store.backup({ approval });
      if (!r.ok) return r.error;
      onResult(r.value);
      return null;
    },
    reprintSale:
      ({ saleId, receiptNo }) =>
      async (approval) => {
        const r = await pos.sale.reprint({ saleId, approval });
        if (!r.ok) return r.error;
        dispatch({
          type: 'toast',
          toast: { tone: 'info', key: 'history.reprinted', values: { no: receiptNo } },
        });
        return null;
      },
    saleHistory: ({ search, after }) =>
      unwrap(
        pos.sale.history({
          limit: HISTORY_PAGE_SIZE,
          ...search,
          ...(after === undefined ? {} : { after }),
        }),
      ),
    saleDetail: (saleId) => unwrap(pos.sale.get({ saleId })),
    startCard: (input) => pos.payment.startCard(input),
    trainingSwipe: (attemptId, testCard) => pos.payment.trainingSwipe({ attemptId, testCard }),
    wedgeSwipe: (attemptId, tracks) => pos.payment.wedgeSwipe({ attemptId, tracks }),
    cancelPayment: (attemptId) => pos.payment.cancel({ attemptId }),
    resolvePayment: (attemptId) => pos.payment.resolve({ attemptId }),
    startQr: (input) => pos.payment.startQr(input),
    refundPrepare: (saleId) => pos.refund.prepare({ saleId }),
    refundIssue: (input) => pos.refund.issue(input),
    refundResolve: (refundId) => pos.refund.resolve({ refundId }),
    paymentRecovery: () => unwrap(pos.payment.recovery({})),
    refundOpen: () => unwrap(pos.refund.open({})),
    acknowledgePayment: (attemptId) => async (approval) => {
      const r = await pos.payment.acknowledge({ attemptId, approval });
      if (!r.ok) return r.error;
      dispatch({ type: 'toast', toast: { tone: 'info', key: 'recovery.acknowledged', values: {} } });
      return null;
    },
    onPayment: (listener) => pos.on('payment', listener),
    onPaymentError: (listener) => pos.on('paymentError', listener),
    paymentCompleted: (sale) => {
      dispatch({ type: 'completed', sale });
      void refreshCart(); // main has opened the next cart
    },
    paymentEnded: () => void refreshCart(),
    refresh: async () => {
      await refreshCart();
      const s = await pos.status.get({});
      if (s.ok) dispatch({ type: 'status', status: s.value });
      void printerStatus();
    },
    notify: (key, values = {}, tone = 'info') => dispatch({ type: 'toast', toast: { tone, key, values } }),
    dismissToast: (id) => dispatch({ type: 'dismissToast', id }),
    selectLine: (lineId) => dispatch({ type: 'select', lineId }),
    moveSelection: (delta) => dispatch({ type: 'moveSelection', delta }),
  };
}
