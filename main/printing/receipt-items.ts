// The line-item block: each sold line as name (wrapped), "qty x unit price ... amount", and its discount.
import type { CartLineView, Locale } from '../api/contract';
import { formatMajor } from '../api/money';
import type { ItemsBlock, ReceiptItem } from '../../native/escpos/encode/document';
import { leftRight, wrapLines } from './columns';
import { describeDiscount, formatQuantity } from './receipt-format';
import { receiptLabels } from './receipt-labels';

const INDENT = '  ';

function toItem(line: CartLineView, currency: string, locale: Locale): ReceiptItem {
  // The locale's name first; the other language under it when the product has one.
  const primary = locale === 'en' ? (line.nameEn ?? line.name) : line.name;
  const other = locale === 'en' ? line.name : line.nameEn;
  const unitPrice = formatMajor(line.unitPriceMinor, currency) + (line.unit === 'kg' ? '/kg' : '');
  const label = [receiptLabels(locale).discount, describeDiscount(line.discount)].filter(Boolean).join(' ');
  return {
    name: primary,
    secondaryName: other !== null && other !== primary ? other : null,
    quantity: formatQuantity(line.qtyMilli, line.unit),
    unitPrice,
    amount: formatMajor(line.grossMinor, currency),
    discount:
      line.lineDiscountMinor > 0 ? { label, amount: formatMajor(-line.lineDiscountMinor, currency) } : null,
  };
}

function itemLines(item: ReceiptItem, width: number): string[] {
  return [
    ...wrapLines(item.name, width),
    ...(item.secondaryName === null ? [] : wrapLines(item.secondaryName, width)),
    ...leftRight(`${INDENT}${item.quantity} x ${item.unitPrice}`, item.amount, width),
    ...(item.discount === null ? [] : leftRight(INDENT + item.discount.label, item.discount.amount, width)),
  ];
}

export function itemsBlock(
  lines: readonly CartLineView[],
  currency: string,
  locale: Locale,
  width: number,
): ItemsBlock {
  const items = lines.map((l) => toItem(l, currency, locale));
  return { kind: 'items', items, lines: items.flatMap((i) => itemLines(i, width)) };
}
