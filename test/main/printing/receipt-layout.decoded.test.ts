// Round trip through the project's ESC/POS decoder: what the printer would print, line by line, is exactly
// the laid-out receipt (alignment is the printer's, so only the characters are compared).
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../native/escpos/decoder';
import type { ReceiptDocument } from '../../../native/escpos/encode/document';
import { findProfile } from '../../../native/escpos/encode/profiles';
import { encodeTextMode } from '../../../native/escpos/encode/text-mode';
import { layoutReceipt } from '../../../main/printing/receipt-layout';
import { parseReceiptFile } from '../../../main/printing/sale-json';
import { readFixture } from '../../support/golden';

const file = parseReceiptFile(readFixture('sale.json'));

function printedLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  let line = '';
  for (const e of decodeEscPos(bytes)) {
    if (e.type === 'text') line += e.text;
    if (e.type === 'lineFeed') {
      lines.push(line);
      line = '';
    }
  }
  if (line !== '') lines.push(line);
  return lines.filter((l) => l !== '');
}

function expectedLines(doc: ReceiptDocument, nativeQr: boolean): string[] {
  return doc.blocks
    .flatMap((b) => {
      if (b.kind === 'text') return [b.text];
      if (b.kind === 'separator') return [b.char.repeat(doc.widthColumns)];
      if (b.kind === 'items') return [...b.lines];
      if (b.kind === 'qr' && !nativeQr) return [b.fallbackText];
      return [];
    })
    .filter((l) => l !== '');
}

describe('decoded receipt bytes', () => {
  for (const id of ['cn-80', 'cn-58']) {
    it(`${id}: the printer prints exactly the laid-out lines`, () => {
      const profile = findProfile(id);
      if (!profile) throw new Error(id);
      const doc = layoutReceipt(file.sale, file.store, {
        widthColumns: profile.columns as 32 | 48,
        locale: 'zh-CN',
        copy: true,
        lookupUrl: 'https://r.cn/R1',
      });
      const bytes = encodeTextMode(doc, profile, { drawer: { pin: 2, t1: 25, t2: 250 } });
      expect(printedLines(bytes)).toEqual(expectedLines(doc, profile.capabilities.nativeQr));
      const events = decodeEscPos(bytes);
      expect(events.filter((e) => ['error', 'unknown', 'truncated'].includes(e.type))).toEqual([]);
      expect(events.find((e) => e.type === 'drawerPulse')).toMatchObject({ pin: 2, onMs: 50, offMs: 500 });
      expect(events.find((e) => e.type === 'barcode')).toMatchObject({ symbology: 'CODE128' });
    });
  }
});
