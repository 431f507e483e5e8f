// The refund dialog's quantity input and ids. What a quantity pays back is not computed here: it is the
// contract's rule (@contract/refund-share: lineRefundMinor, refundTotalMinor), the one main decides with; main
// computes the refund again and is authoritative (the result screen shows main's amount).
import type { RefundableLineView, Unit } from '@contract/contract';
import { MILLI_PER_UNIT } from '@contract/quantity';
import { narrowDigits } from '../format/parse';

/** "1.235" for 1235 kg-thousandths, "3" for 3000 pieces: exact, no float formatting; "" for none. */
export function qtyText(milli: number, unit: Unit): string {
  if (milli <= 0) return '';
  const whole = Math.floor(milli / 1000);
  return unit === 'kg' ? `${whole}.${String(milli % 1000).padStart(3, '0')}` : String(whole);
}

/**
 * A typed quantity to return -> thousandths: "" or "0" is none (0); pieces are whole numbers, kg up to 3
 * decimals. null when it is not a quantity or more than what is left of the line.
 */
export function parseReturnQty(text: string, unit: Unit, remainingMilli: number): number | null {
  const s = narrowDigits(text);
  if (s === '') return 0;
  const m = unit === 'kg' ? /^(\d{0,6})(?:\.(\d{0,3}))?$/.exec(s) : /^(\d{1,6})$/.exec(s);
  if (!m || !/\d/.test(s)) return null;
  const milli = Number(m[1] || '0') * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return milli <= remainingMilli ? milli : null;
}

/** One step of the +/- buttons: a piece, or for weighed goods everything left of the line (or nothing). */
export function stepQty(current: number, line: RefundableLineView, direction: 1 | -1): number {
  const step = line.unit === 'kg' ? line.remainingQtyMilli : MILLI_PER_UNIT;
  return Math.min(line.remainingQtyMilli, Math.max(0, current + direction * step));
}

/** A v4 UUID for a new refund; crypto.randomUUID exists in every secure context the screen runs in. */
export function newRefundId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
