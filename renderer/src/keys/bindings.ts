// The screen's global shortcuts, in one table: the hotkey hook, the F1 help and docs/keyboard.md all
// follow it (a test checks the doc). Function keys work even while typing in a field; the others only
// when no text field has focus, so Delete and the arrows keep their editing meaning there. A key written
// `Shift+F7` is that function key with Shift held; every F-key alone was taken when it was added (F11 is
// left to the window: full screen). Payments sit by cash: Shift+F12 card, Shift+F11 QR code.
export type HotkeyAction =
  | 'help'
  | 'search'
  | 'quantity'
  | 'lineDiscount'
  | 'orderDiscount'
  | 'barcode'
  | 'remove'
  | 'clear'
  | 'locale'
  | 'tender'
  | 'card'
  | 'qr'
  | 'paymentAlerts'
  | 'manage'
  | 'printer'
  | 'receipts'
  | 'selectUp'
  | 'selectDown';

export interface Binding {
  readonly action: HotkeyAction;
  readonly keys: readonly string[];
}

export const BINDINGS: readonly Binding[] = [
  { action: 'help', keys: ['F1'] },
  { action: 'search', keys: ['F2'] },
  { action: 'quantity', keys: ['F3'] },
  { action: 'lineDiscount', keys: ['F4'] },
  { action: 'orderDiscount', keys: ['F5'] },
  { action: 'barcode', keys: ['F6'] },
  { action: 'remove', keys: ['F8', 'Delete'] },
  { action: 'clear', keys: ['F9'] },
  { action: 'locale', keys: ['F10'] },
  { action: 'printer', keys: ['F7'] },
  { action: 'receipts', keys: ['Shift+F7'] },
  { action: 'tender', keys: ['F12'] },
  { action: 'card', keys: ['Shift+F12'] },
  { action: 'qr', keys: ['Shift+F11'] },
  { action: 'paymentAlerts', keys: ['Shift+F1'] },
  { action: 'manage', keys: ['Shift+F2'] },
  { action: 'selectUp', keys: ['ArrowUp'] },
  { action: 'selectDown', keys: ['ArrowDown'] },
];

/** On the sale-complete screen: print the receipt again (`sale.reprintLast`). */
export const REPRINT_KEY = 'F7';

/** On the receipts screen: reprint a copy of the selected sale (after a manager's approval). */
export const HISTORY_REPRINT_KEY = 'F7';
/** On the receipts screen: load the next page of older sales. */
export const HISTORY_MORE_KEY = 'PageDown';
/** On the receipts screen: refund returned goods of the selected sale (F9 is "clear cart" only on the sale screen). */
export const HISTORY_REFUND_KEY = 'F9';
/** In the refund dialog: return every remaining quantity ("All"). */
export const REFUND_ALL_KEY = 'F5';

/** In a card or QR dialog after a decline or refusal: close it and take cash instead. */
export const CASH_INSTEAD_KEY = 'F12';

/** On the payment alerts screen: check the selected unknown payment now / acknowledge the selected one. */
export const RECOVERY_CHECK_KEY = 'F5';
export const RECOVERY_ACK_KEY = 'F7';

/** Keys inside the cash dialog: quick amounts in order (exact first). */
export const QUICK_AMOUNT_KEYS: readonly string[] = ['F5', 'F6', 'F7', 'F8', 'F9'];

export const isFunctionKey = (key: string): boolean => /^F([1-9]|1[0-2])$/.test(key);

const byKey = new Map<string, HotkeyAction>(
  BINDINGS.flatMap((b) => b.keys.map((k) => [k, b.action] as const)),
);

/**
 * The action for a key press: a Shift+F-key binding first, else the key itself (so Shift+F3 still means F3,
 * as it did before any Shift binding existed).
 */
export const actionForKey = (key: string, shift = false): HotkeyAction | undefined =>
  (shift && isFunctionKey(key) ? byKey.get(`Shift+${key}`) : undefined) ?? byKey.get(key);

const LABELS: Readonly<Record<string, string>> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  Delete: 'Del',
  Escape: 'Esc',
  PageDown: 'PgDn',
};

/** How a key is printed on screen and in the help. */
export const keyLabel = (key: string): string => LABELS[key] ?? key;

/** The first key of an action, for on-screen hints ("F3"). */
export const keyHint = (action: HotkeyAction): string =>
  BINDINGS.find((b) => b.action === action)?.keys[0] ?? '';
