// `node --import tsx test/e2e/take-receipt-photo.ts`: prints the Chinese sale fixture through the emulated
// printer (cn-80, text mode: the printer's own font, native QR and barcode) and photographs what came out of
// it as docs/screenshots/receipt-zh-CN.png. The picture is of the emulator's paper, not of our layout, so it
// shows what a customer would actually be handed.
import fs from 'node:fs';
import path from 'node:path';
import { EscPosPrinter } from '../../native/emulators/escpos-printer';
import { renderRollToPng } from '../../native/emulators/roll-png';
import { findProfile } from '../../native/escpos/encode/profiles';
import { renderReceipt } from '../../main/printing/render-receipt';
import { parseReceiptFile } from '../../main/printing/sale-json';

const root = path.resolve(import.meta.dirname, '..', '..');
const fonts = path.join(root, 'resources', 'fonts');
const profile = findProfile('cn-80');
if (!profile) throw new Error('printer profile cn-80 is gone');

const file = parseReceiptFile(
  fs.readFileSync(path.join(root, 'test/main/printing/fixtures/sale.json'), 'utf8'),
);
const printer = new EscPosPrinter({ columns: profile.columns });
printer.write(renderReceipt(file, { profile }));
printer.endOfJob();
if (printer.problems.length > 0)
  throw new Error(`the printer did not understand: ${JSON.stringify(printer.problems)}`);

const missing: string[] = [];
const png = renderRollToPng(printer.roll, {
  widthDots: profile.widthDots,
  fontPath: path.join(fonts, 'NotoSansSC-receipt-Regular.ttf'),
  boldFontPath: path.join(fonts, 'NotoSansSC-receipt-Bold.ttf'),
  photo: true,
  onMissing: (m) => missing.push(m.char),
});
const out = path.join(root, 'docs', 'screenshots', 'receipt-zh-CN.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`receipt photo written to ${path.relative(root, out)}`);
if (missing.length > 0) console.warn(`drawn as □ (not in the font): ${[...new Set(missing)].join(' ')}`);
