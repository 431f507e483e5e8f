// The screen's global shortcuts, in one table: the hotkey hook, the F1 help and docs/keyboard.md all
// follow it (a test checks the doc). Function keys work even while typing in a field; the others only
// when no text field has focus, so Delete and the arrows keep their editing meaning there.
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
  | 'printer'
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
  { action: 'tender', keys: ['F12'] },
  { action: 'selectUp', keys: ['ArrowUp'] },
  { action: 'selectDown', keys: ['ArrowDown'] },
];

/** On the sale-complete screen: print the receipt again (`sale.reprintLast`). */
export const REPRINT_KEY = 'F7';

/** Keys inside the cash dialog: quick amounts in order (exact first). */
export const QUICK_AMOUNT_KEYS: readonly string[] = ['F5', 'F6', 'F7', 'F8', 'F9'];

export const isFunctionKey = (key: string): boolean => /^F([1-9]|1[0-2])$/.test(key);

const byKey = new Map<string, HotkeyAction>(
  BINDINGS.flatMap((b) => b.keys.map((k) => [k, b.action] as const)),
);

export const actionForKey = (key: string): HotkeyAction | undefined => byKey.get(key);

const LABELS: Readonly<Record<string, string>> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  Delete: 'Del',
  Escape: 'Esc',
};

/** How a key is printed on screen and in the help. */
export const keyLabel = (key: string): string => LABELS[key] ?? key;

/** The first key of an action, for on-screen hints ("F3"). */
export const keyHint = (action: HotkeyAction): string =>
  BINDINGS.find((b) => b.action === action)?.keys[0] ?? '';
