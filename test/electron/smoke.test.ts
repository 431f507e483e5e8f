// End-to-end smoke of the Electron build: launch it, ring up one scanned item, pay cash exact, see the
// completed sale. Runs wherever an Electron binary is installed; elsewhere it is skipped with one plain line.
//
// It launches the built bundle (.vite/build/main.cjs, from `npm run package`) on the stock Electron binary in
// node_modules: a packaged app cannot be driven by Playwright, by design — its fuses disable --inspect.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import type { PosApi, ProductView } from '../../main/api/contract';

const root = path.resolve(import.meta.dirname, '../..');

/** The Electron binary, found the way the `electron` package does (path.txt + dist/), without require('electron'). */
function electronBinary(): string | null {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  try {
    const relative = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(pkgDir, 'dist', relative);
    return relative !== '' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (binary === null)
  console.log('electron smoke: SKIPPED — no Electron binary installed (node_modules/electron/dist missing)');

declare const window: { pos?: PosApi };

/** A product from the demo catalog that a barcode scan adds as one piece, found through the app's own API. */
async function demoBarcode(page: Page): Promise<string> {
  const product = await page.evaluate(async () => {
    for (const query of ['a', 'e', 'o', '1', '2', '0']) {
      const found = await window.pos?.catalog.search({ query, limit: 50 });
      const hit = found?.ok ? found.value.find((p) => p.unit === 'each' && p.barcodes.length > 0) : undefined;
      if (hit) return hit;
    }
    return null;
  });
  if (product === null) throw new Error('electron smoke: the demo catalog has no scannable piece item');
  return (product as ProductView).barcodes[0] as string;
}

describe.skipIf(binary === null)('electron smoke', () => {
  let app: ElectronApplication;
  let userData: string;

  beforeAll(async () => {
    for (const built of [
      '.vite/build/main.cjs',
      '.vite/build/preload.cjs',
      '.vite/renderer/main_window/index.html',
    ]) {
      if (!fs.existsSync(path.join(root, built))) {
        throw new Error(`electron smoke: ${built} is missing — build first with \`npm run package\``);
      }
    }
    // A fresh data folder: first start = training mode with the demo catalog; the real till's data is untouched.
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-smoke-'));
    app = await electron.launch({
      executablePath: binary as string,
      args: [root, `--user-data-dir=${userData}`],
      timeout: 60_000,
    });
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  it('completes a cash sale: scan, tender cash exact, completed-sale screen', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe('app://pos/index.html');
    await page.waitForFunction(() => window.pos !== undefined);

    // Keyboard-wedge burst: the scanner "types" the code fast and ends with Enter.
    const code = await demoBarcode(page);
    await page.keyboard.type(code, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByTestId('cart-line').first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.getByTestId('cart-line').count()).toBe(1);

    await page.getByTestId('tender-button').click();
    // Assumed: the first quick-cash amount is the exact total.
    await page.getByTestId('quick-amount').first().click();

    await page.getByTestId('receipt').waitFor({ state: 'visible', timeout: 10_000 });
    const change = (await page.getByTestId('change-due').innerText()).trim();
    expect(change).toMatch(/(^|[^\d])0([.,]00)?$/);

    const last = await page.evaluate(async () => window.pos?.sale.last({}));
    expect(last).toMatchObject({ ok: true });
    const sale = last?.ok ? last.value : null;
    expect(sale?.lines).toHaveLength(1);
    expect(sale?.tenders[0]).toMatchObject({ kind: 'cash', changeMinor: 0 });
  }, 120_000);
});
