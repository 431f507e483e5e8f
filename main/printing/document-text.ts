// The document as plain text lines, the way a font-A printer would place them: for golden tests, previews
// and logs. Codes are shown as bracketed placeholders.
import type { ReceiptDocument } from '../../native/escpos/encode/document';
import { displayWidth, padToWidth } from './text-width';

export function documentToText(doc: ReceiptDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'text': {
        // Double-width text takes two columns a character: pad in the columns left at that size.
        const cols = Math.floor(doc.widthColumns / b.size.width);
        const line = padToWidth(b.text, cols, b.align);
        out.push(b.size.width === 2 ? [...line].map((c) => c + ' '.repeat(displayWidth(c))).join('') : line);
        break;
      }
      case 'separator':
        out.push(b.char.repeat(doc.widthColumns));
        break;
      case 'items':
        out.push(...b.lines);
        break;
      case 'barcode':
      case 'qr': {
        const label = `[${b.kind === 'barcode' ? 'CODE128' : 'QR'} ${b.data}]`;
        out.push(padToWidth(label, doc.widthColumns, 'center').trimEnd());
        break;
      }
      case 'logo':
        out.push(
          padToWidth(`[LOGO ${b.image.width}x${b.image.height}]`, doc.widthColumns, 'center').trimEnd(),
        );
        break;
      case 'feed':
        for (let i = 0; i < b.lines; i++) out.push('');
        break;
      case 'cut':
        out.push('~'.repeat(doc.widthColumns));
        break;
    }
  }
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}
