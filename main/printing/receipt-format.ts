// Small formatters for receipt text. Everything is integer arithmetic on minor units and thousandths, and the
// date is formatted in an explicit time zone, so the same sale always prints the same bytes.
import type { Discount, Unit } from '../api/contract';

/** 2000 -> "2", 1500 -> "1.5" (pieces); 1250 -> "1.250kg" (weighed: always grams precision). */
export function formatQuantity(qtyMilli: number, unit: Unit): string {
  const whole = Math.trunc(qtyMilli / 1000);
  const frac = String(qtyMilli % 1000).padStart(3, '0');
  if (unit === 'kg') return `${whole}.${frac}kg`;
  const trimmed = frac.replace(/0+$/, '');
  return trimmed === '' ? String(whole) : `${whole}.${trimmed}`;
}

/** 1300 bp -> "13%", 650 -> "6.5%". */
export function formatRate(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac === '' ? `${whole}%` : `${whole}.${frac}%`;
}

/** "10%" for a percent discount, "" for a fixed amount (the amount itself is printed next to it). */
export function describeDiscount(discount: Discount | null): string {
  return discount?.kind === 'percent' ? formatRate(discount.bp) : '';
}

/** "2026-11-25 18:15" in `timeZone` (IANA name). */
export function formatReceiptDate(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Receipt date "${iso}" is not an ISO-8601 time.`);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
