// The screen's state as one reducer: what main told us (bootstrap, cart, status, last completed sale) plus
// purely visual state (selection, flash, toasts). Pure, so the rules below are easy to reason about.
import type {
  BootstrapView,
  CartView,
  Locale,
  PrinterStatusView,
  SaleView,
  StatusView,
  StoreInfoView,
} from '@contract/contract';
import type { MessageKey, MessageValues } from '../i18n/translate';
import type { TillNeed } from './till-gate';

export interface Toast {
  readonly id: number;
  readonly tone: 'error' | 'info';
  readonly key: MessageKey;
  readonly values: MessageValues;
}

export interface SessionState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly locale: Locale;
  readonly currency: string;
  readonly store: StoreInfoView | null;
  /** Training mode's demo manager, shown on the approval prompt (never a real operator's PIN). */
  readonly trainingApprover: BootstrapView['trainingApprover'];
  /** minutes without input before the till locks (use-idle-lock.ts); 0: never */
  readonly idleLockMinutes: number;
  /** The configured card reader; a keyboard-wedge one widens PCI scope and the status bar says so. */
  readonly cardReader: BootstrapView['cardReader'];
  readonly cart: CartView | null;
  readonly status: StatusView | null;
  /** main's `printer.status` answer, fetched when the printer slot changes; null until then (or on failure). */
  readonly printer: PrinterStatusView | null;
  /** The sale just completed: the change/receipt screen is up while this is set. */
  readonly completed: SaleView | null;
  readonly selectedLineId: string | null;
  /** Bumped each time our own action touches a line, so the row can replay its flash. */
  readonly flash: { readonly lineId: string; readonly seq: number } | null;
  readonly toasts: readonly Toast[];
  /** main refused to sell until someone signs in or opens a shift; `seq` so the same need twice asks twice */
  readonly gate: { readonly need: TillNeed; readonly seq: number } | null;
}

export type SessionAction =
  | { type: 'booted'; boot: BootstrapView }
  | { type: 'bootFailed' }
  | { type: 'cart'; cart: CartView; touched?: boolean }
  | { type: 'status'; status: StatusView }
  | { type: 'printer'; printer: PrinterStatusView | null }
  | { type: 'locale'; locale: Locale }
  | { type: 'completed'; sale: SaleView }
  | { type: 'dismissCompleted' }
  | { type: 'select'; lineId: string }
  | { type: 'moveSelection'; delta: number }
  | { type: 'toast'; toast: Omit<Toast, 'id'> }
  | { type: 'dismissToast'; id: number }
  | { type: 'gate'; need: TillNeed };

export const initialSession: SessionState = {
  phase: 'loading',
  locale: 'zh-CN',
  currency: 'CNY',
  store: null,
  trainingApprover: null,
  idleLockMinutes: 0,
  cardReader: { kind: 'none', widensPciScope: false },
  cart: null,
  status: null,
  printer: null,
  completed: null,
  selectedLineId: null,
  flash: null,
  toasts: [],
  gate: null,
};

const MAX_TOASTS = 3;
let toastSeq = 0;

/** Keep the selection on a line that still exists; prefer the line just touched, then the last one. */
function reselect(cart: CartView, current: string | null, touched: boolean): string | null {
  if (touched && cart.lastLineId) return cart.lastLineId;
  if (current && cart.lines.some((l) => l.lineId === current)) return current;
  return cart.lastLineId ?? cart.lines.at(-1)?.lineId ?? null;
}

function acceptCart(state: SessionState, cart: CartView, touched: boolean): SessionState {
  const prev = state.cart;
  // Responses and pushed events can cross: never step back to an older version of the same cart.
  if (prev && prev.cartId === cart.cartId && cart.version < prev.version) return state;
  const flash =
    touched && cart.lastLineId ? { lineId: cart.lastLineId, seq: (state.flash?.seq ?? 0) + 1 } : state.flash;
  return { ...state, cart, selectedLineId: reselect(cart, state.selectedLineId, touched), flash };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'booted': {
      const { boot } = action;
      const base: SessionState = {
        ...state,
        phase: 'ready',
        locale: boot.locale,
        currency: boot.currency,
        store: boot.store,
        trainingApprover: boot.trainingApprover,
        idleLockMinutes: boot.idleLockMinutes,
        cardReader: boot.cardReader,
        status: boot.status,
      };
      return acceptCart({ ...base, cart: null }, boot.cart, false);
    }
    case 'bootFailed':
      return { ...state, phase: 'failed' };
    case 'cart':
      return acceptCart(state, action.cart, action.touched === true);
    case 'status':
      return { ...state, status: action.status };
    case 'printer':
      return { ...state, printer: action.printer };
    case 'locale':
      return { ...state, locale: action.locale };
    case 'completed':
      return { ...state, completed: action.sale };
    case 'dismissCompleted':
      return { ...state, completed: null };
    case 'select':
      return { ...state, selectedLineId: action.lineId };
    case 'moveSelection': {
      const lines = state.cart?.lines ?? [];
      if (lines.length === 0) return state;
      const at = lines.findIndex((l) => l.lineId === state.selectedLineId);
      const next = Math.min(lines.length - 1, Math.max(0, (at < 0 ? lines.length : at) + action.delta));
      return { ...state, selectedLineId: lines[next]?.lineId ?? null };
    }
    case 'toast': {
      const { key, values } = action.toast;
      const same = JSON.stringify(values);
      // The same message twice (e.g. both tracks of one card swipe) shows once, freshly timed.
      const others = state.toasts.filter((t) => t.key !== key || JSON.stringify(t.values) !== same);
      const toast: Toast = { ...action.toast, id: ++toastSeq };
      return { ...state, toasts: [...others, toast].slice(-MAX_TOASTS) };
    }
    case 'dismissToast':
      return { ...state, toasts: state.toasts.filter((t) => t.id !== action.id) };
    case 'gate':
      return { ...state, gate: { need: action.need, seq: (state.gate?.seq ?? 0) + 1 } };
  }
}
