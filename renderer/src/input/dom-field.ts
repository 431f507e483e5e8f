// FieldPort over the real DOM. Values are set through the native setter plus an `input` event, which is
// what React's controlled inputs listen to; assigning `.value` directly would be ignored by React.
import type { FieldPort } from './scanner-controller';

type TextField = HTMLInputElement | HTMLTextAreaElement;

export interface FieldSnapshot {
  readonly el: TextField;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

// Only types that support the selection API (number/email throw on setRangeText).
const TEXT_TYPES = new Set(['text', 'search', 'tel', 'url', 'password']);

function focusedField(): TextField | null {
  const el = document.activeElement;
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement && TEXT_TYPES.has(el.type) && !el.readOnly) return el;
  return null;
}

function setValue(el: TextField, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el) as object, 'value')?.set;
  setter?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export const domField: FieldPort<FieldSnapshot> = {
  snapshot() {
    const el = focusedField();
    if (!el) return null;
    const end = el.value.length;
    return { el, value: el.value, start: el.selectionStart ?? end, end: el.selectionEnd ?? end };
  },
  restore(s) {
    if (!s.el.isConnected) return;
    setValue(s.el, s.value);
    s.el.setSelectionRange(s.start, s.end);
  },
  insert(text) {
    const el = focusedField();
    if (!el) return;
    const end = el.value.length;
    el.setRangeText(text, el.selectionStart ?? end, el.selectionEnd ?? end, 'end');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  },
};
