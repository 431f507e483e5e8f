// `npm run receipt -- --in sale.json --out receipt.bin --profile cn-80 [--mode text|raster] [--width 58|80]
//  [--logo store.png]`
// Writes exactly the printer bytes for the sale in the JSON file (format: docs/receipt-json.md).
// Exit codes: 0 written; 1 bad arguments or bad input file; 2 text mode asked of a printer that needs raster.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_DRAWER_PULSE } from '../../native/escpos/encode/drawer';
import { PROFILES, findProfile, withPaperWidth } from '../../native/escpos/encode/profiles';
import type { PrintMode } from '../../native/escpos/encode/profiles';
import { RasterRequiredError } from '../../native/escpos/encode/text-mode';
import type { MonoBitmap } from '../../native/escpos/encode/raster';
import { UsageError, oneOf, runCli } from '../cli/args';
import { loadLogo } from './logo';
import { renderReceipt } from './render-receipt';
import { ReceiptFileError, parseReceiptFile } from './sale-json';

const USAGE = `usage: npm run receipt -- --in sale.json --out receipt.bin --profile ID [--mode text|raster]
                          [--width 58|80] [--copy] [--drawer [--drawer-pin 2|5]] [--logo FILE.png]
       npm run receipt -- --list-profiles`;

function listProfiles(): string {
  return PROFILES.map((p) => {
    const caps = Object.entries(p.capabilities)
      .filter(([, on]) => on)
      .map(([name]) => name)
      .join(', ');
    return `${p.id.padEnd(9)} ${p.paperMm} mm, ${p.columns} columns, ${p.widthDots} dots, default ${p.defaultMode} mode; ${caps || 'no extras'}\n          ${p.description}`;
  }).join('\n');
}

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      in: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'string' },
      mode: { type: 'string' },
      width: { type: 'string' },
      copy: { type: 'boolean' },
      drawer: { type: 'boolean' },
      'drawer-pin': { type: 'string' },
      logo: { type: 'string' },
      'list-profiles': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values['list-profiles']) {
    console.log(listProfiles());
    return 0;
  }
  if (!values.in || !values.out || !values.profile)
    throw new UsageError('--in, --out and --profile are required.');
  const base = findProfile(values.profile);
  if (!base) {
    throw new UsageError(
      `Unknown profile "${values.profile}"; known: ${PROFILES.map((p) => p.id).join(', ')}.`,
    );
  }
  const width = oneOf('width', values.width, ['58', '80'] as const);
  const profile = width ? withPaperWidth(base, Number(width) as 58 | 80) : base;
  const mode = oneOf<PrintMode>('mode', values.mode, ['text', 'raster']);
  const pin = oneOf('drawer-pin', values['drawer-pin'], ['2', '5'] as const);

  const parsed = parseReceiptFile(fs.readFileSync(values.in, 'utf8'));
  // The logo is an image file beside the JSON (as store.logoPath is in config.json), scaled to the paper.
  let logo: MonoBitmap | null = null;
  if (values.logo) {
    let problem: string | null = null;
    logo = await loadLogo(values.logo, profile.widthDots, (_level, _message, fields) => {
      problem = String(fields?.error ?? 'unreadable');
    });
    if (logo === null)
      throw new UsageError(`--logo ${values.logo}: cannot use this image (${String(problem)}).`);
  }
  const file = logo ? { ...parsed, store: { ...parsed.store, logo } } : parsed;
  const bytes = renderReceipt(file, {
    profile,
    mode,
    copy: values.copy ? true : undefined,
    drawer: values.drawer ? { ...DEFAULT_DRAWER_PULSE, pin: pin === '5' ? 5 : 2 } : null,
    onUnprintable: (u) =>
      console.error(
        `warning: U+${u.codePoint.toString(16).toUpperCase().padStart(4, '0')} "${u.char}" cannot be printed; printed "${u.replacement}" instead.`,
      ),
  });
  fs.writeFileSync(values.out, bytes);
  console.log(
    `${values.out}: ${bytes.length} bytes for ${profile.id} (${profile.paperMm} mm, ${mode ?? profile.defaultMode} mode).`,
  );
  return 0;
}

async function main(): Promise<number> {
  try {
    return await run(process.argv.slice(2));
  } catch (e) {
    if (e instanceof RasterRequiredError) {
      console.error(`error: ${e.message}`);
      return 2;
    }
    if (e instanceof ReceiptFileError || e instanceof UsageError) {
      console.error(`error: ${e.message}`);
      if (e instanceof UsageError) console.error(USAGE);
      return 1;
    }
    // parseArgs' own errors (unknown flag, missing value) and unreadable files are the caller's to fix too.
    if (e instanceof Error && 'code' in e) {
      console.error(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

runCli(main);
