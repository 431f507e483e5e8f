// Every call to main the screen makes, in one place: unwrap the Result, put cart/status into the reducer,
// and turn any error into a translated toast. Callers get a boolean (or the value) to decide what's next.
import type {
  CartView,
  Discount,
  Locale,
  PosApi,
  PrinterStatusView,
  ProductView,
  SaleView,
} from '@contract/contract';
import type { Result } from '@contract/result';
import { errorMessage, type ErrorContext } from '../i18n/errors';
import type { MessageKey, MessageValues } from '../i18n/translate';
import type { SessionAction } from './session';

export interface TenderInput {
  readonly cartId: string;
  readonly cartVersion: number;
  readonly tenderedMinor: number;
}

export interface Actions {
  scan(code: string): Promise<boolean>;
  addProduct(productId: string, qtyMilli?: number): Promise<boolean>;
  setQuantity(lineId: string, qtyMilli: number): Promise<boolean>;
  removeLine(lineId: string): Promise<boolean>;
  setLineDiscount(lineId: string, discount: Discount | null): Promise<boolean>;
  setOrderDiscount(discount: Discount | null): Promise<boolean>;
  clear(): Promise<boolean>;
  search(query: string): Promise<readonly ProductView[] | null>;
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
  /** A "no sale" drawer open with its (required) reason, with a toast either way. */
  openDrawer(reason: string): Promise<boolean>;
  refresh(): Promise<void>;
  notify(key: MessageKey, values?: MessageValues, tone?: 'error' | 'info'): void;
  dismissToast(id: number): void;
  selectLine(lineId: string): void;
  moveSelection(delta: number): void;
}

export function createActions(pos: PosApi, dispatch: (a: SessionAction) => void): Actions {
  const fail = (error: Parameters<typeof errorMessage>[0], ctx?: ErrorContext): void => {
    dispatch({ type: 'toast', toast: { tone: 'error', ...errorMessage(error, ctx) } });
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
    scan: (code) => cartCall(pos.cart.scan({ code }), true, { code }),
    addProduct: (productId, qtyMilli) =>
      cartCall(pos.cart.addProduct(qtyMilli === undefined ? { productId } : { productId, qtyMilli }), true),
    setQuantity: (lineId, qtyMilli) => cartCall(pos.cart.setQuantity({ lineId, qtyMilli })),
    removeLine: (lineId) => cartCall(pos.cart.removeLine({ lineId })),
    setLineDiscount: (lineId, discount) => cartCall(pos.cart.setLineDiscount({ lineId, discount })),
    setOrderDiscount: (discount) => cartCall(pos.cart.setOrderDiscount({ discount })),
    clear: () => cartCall(pos.cart.clear({})),
    search: (query) => unwrap(pos.catalog.search({ query, limit: 30 })),
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
    openDrawer: async (reason) => {
      const job = await unwrap(pos.drawer.open({ reason: reason.trim() }));
      if (job) dispatch({ type: 'toast', toast: { tone: 'info', key: 'drawer.opened', values: {} } });
      return job !== null;
    },
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
