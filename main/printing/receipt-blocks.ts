// Block builders shared by every printed document (sale receipts, refund slips): wrapped text at a
// magnification, plain rows, the store header and the bilingual copy / training marks.
import type { ReceiptBlock, TextBlock, TextSize, Align } from '../../native/escpos/encode/document';
import { wrapLines } from './columns';
import type { ReceiptStore } from './receipt-input';
import { COPY_MARK, TRAINING_MARK, TRAINING_NOTICE } from './receipt-labels';
import type { ReceiptLabels } from './receipt-labels';
import { displayWidth } from './text-width';

export const NORMAL: TextSize = { width: 1, height: 1 };
export const DOUBLE: TextSize = { width: 2, height: 2 };
export const TALL: TextSize = { width: 1, height: 2 };

export interface Style {
  readonly align?: Align;
  readonly bold?: boolean;
  readonly size?: TextSize;
}

/** `value` wrapped to the columns left at its magnification, one block per line. */
export function text(value: string, width: number, style: Style = {}): TextBlock[] {
  const size = style.size ?? NORMAL;
  return wrapLines(value, Math.floor(width / size.width)).map((line) => ({
    kind: 'text',
    text: line,
    align: style.align ?? 'left',
    bold: style.bold ?? false,
    size,
  }));
}

/** Ready-made column lines (leftRight, table), one normal-size block each. */
export const rows = (lines: readonly string[], style: Style = {}): TextBlock[] =>
  lines.map((line) => ({ kind: 'text', text: line, align: 'left', bold: style.bold ?? false, size: NORMAL }));

/** Training and copy marks, printed in both languages whatever the locale (top and bottom of the paper). */
export function marks(training: boolean, copy: boolean, width: number): TextBlock[] {
  const strong: Style = { align: 'center', bold: true };
  return [
    ...(training ? [...text(TRAINING_MARK, width, strong), ...text(TRAINING_NOTICE, width, strong)] : []),
    ...(copy ? text(COPY_MARK, width, strong) : []),
  ];
}

/** Logo, shop name (double size when it fits), English name, address and tax number, centred. */
export function storeHeader(store: ReceiptStore, labels: ReceiptLabels, width: number): ReceiptBlock[] {
  const nameSize = displayWidth(store.name) * 2 <= width ? DOUBLE : NORMAL;
  return [
    ...(store.logo ? [{ kind: 'logo' as const, image: store.logo }] : []),
    ...text(store.name, width, { align: 'center', bold: true, size: nameSize }),
    ...(store.nameEn ? text(store.nameEn, width, { align: 'center' }) : []),
    ...(store.address ? text(store.address, width, { align: 'center' }) : []),
    ...(store.taxNumber ? text(`${labels.taxNumber} ${store.taxNumber}`, width, { align: 'center' }) : []),
  ];
}
