// End to end in Debian's Chromium against the real web host process: the unchanged renderer, the WebSocket
// bridge, the service graph and the SQLite file. One sale with an item scanned by a keyboard-wedge burst,
// one found by pinyin initials, a quantity of 3, a weighed item from a scale label, a 10 % order discount and
// cash with change — in English and in Chinese — then the database is opened and checked.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/audit/journal';
import { DEMO, demoScaleLabel } from '../../main/catalog/demo';
import {
  ensureRendererBuilt,
  hasChromium,
  launchChromium,
  scan,
  startWebHostProcess,
  tid,
  type WebHostProcess,
} from '../support/web-till';

if (!hasChromium) console.log('e2e: SKIPPED — /usr/bin/chromium is not installed (.ci/run installs it)');

async function lineCount(page: Page, n: number): Promise<void> {
  await expect.poll(() => page.locator(tid('cart-line')).count()).toBe(n);
}

const minorOf = async (page: Page, id: string): Promise<number> =>
  Number(await page.locator(tid(id)).first().getAttribute('data-minor'));

describe.skipIf(!hasChromium)('a cash sale in Chromium', () => {
  let browser: Browser;
  const dirs: string[] = [];
  const hosts: WebHostProcess[] = [];
  beforeAll(async () => {
    ensureRendererBuilt();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const h of hosts) await h.kill();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`completes the full sale in ${locale}`, async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-'));
      dirs.push(dataDir);
      const web = await startWebHostProcess(dataDir);
      hosts.push(web);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(web.url);
      await page.locator(tid('cart-empty')).waitFor();

      // First start is zh-CN; F10 switches at runtime.
      const switcher = page.locator(tid('locale-switch'));
      if ((await switcher.getAttribute('data-locale')) !== locale) await page.keyboard.press('F10');
      await expect.poll(() => switcher.getAttribute('data-locale')).toBe(locale);

      // 1. scanned by barcode (no field focused)
      await scan(page, DEMO.cola.barcode);
      await lineCount(page, 1);

      // 2. found by pinyin initials: "kkkl" finds 可口可乐
      await page.keyboard.press('F2');
      await page.keyboard.type('kkkl');
      const result = page.locator(`${tid('search-result')}[data-product-id="demo-${DEMO.cola500.sku}"]`);
      await result.click();
      await lineCount(page, 2);

      // 3. quantity 3 on that line (F3)
      const line500 = page.locator(tid('cart-line')).nth(1);
      await line500.click();
      await page.keyboard.press('F3');
      await page.locator(tid('quantity-input')).fill('3');
      await page.keyboard.press('Enter');
      await expect.poll(() => line500.getAttribute('data-qty-milli')).toBe('3000');
      await page.locator(tid('quantity-dialog')).waitFor({ state: 'detached' });

      // 4. a weighed item from a scale label: 1.235 kg of apples
      await scan(page, demoScaleLabel('apples', 1235));
      await lineCount(page, 3);
      await expect
        .poll(() => page.locator(tid('cart-line')).nth(2).getAttribute('data-qty-milli'))
        .toBe('1235');

      // 5. a 10 % order discount (F5)
      await page.keyboard.press('F5');
      await page.locator(tid('discount-input')).fill('10%');
      await page.keyboard.press('Enter');
      await expect.poll(() => minorOf(page, 'totals-order-discount')).toBe(293);
      expect(await minorOf(page, 'total-due')).toBe(2638);

      // 6. cash 50 with change 23.62 (F12)
      await page.keyboard.press('F12');
      await page.locator(tid('tender-amount')).fill('50');
      await expect.poll(() => minorOf(page, 'change-due')).toBe(2362);
      await page.keyboard.press('Enter');
      await page.locator(tid('sale-complete')).waitFor();
      expect(await minorOf(page, 'complete-change')).toBe(2362);
      const receipt = page.locator(tid('receipt'));
      expect(await minorOf(page, 'receipt-total')).toBe(2638);
      const receiptNo = (await page.locator(tid('receipt-no')).innerText()).trim();
      expect(receiptNo).toMatch(/T01-000001/);
      const text = await receipt.innerText();
      expect(text).toContain(locale === 'en' ? 'Coca-Cola 330ml' : '可口可乐 330ml');
      expect(await page.locator(tid('receipt-training')).count()).toBe(1);
      if (locale === 'zh-CN') expect(await page.locator('body').innerText()).toMatch(/找零/);
      else expect(await page.locator('body').innerText()).toMatch(/Change/i);

      // 7. Enter starts the next sale with an empty cart.
      await page.keyboard.press('Enter');
      await page.locator(tid('cart-empty')).waitFor();
      await page.close();
      await web.kill();

      // The database: the sale, its lines, the tender, the journal chain.
      const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
      const sales = db.prepare(`SELECT id, receipt_no, total_minor FROM sales`).all() as {
        id: string;
        receipt_no: string;
        total_minor: number;
      }[];
      expect(sales).toHaveLength(1);
      expect(sales[0]?.total_minor).toBe(2638);
      const lines = db
        .prepare(`SELECT sku, qty_milli, total_minor FROM sale_lines WHERE sale_id = ? ORDER BY line_no`)
        .all(sales[0]?.id);
      expect(lines).toEqual([
        { sku: DEMO.cola.sku, qty_milli: 1000, total_minor: expect.any(Number) },
        { sku: DEMO.cola500.sku, qty_milli: 3000, total_minor: expect.any(Number) },
        { sku: DEMO.apples.sku, qty_milli: 1235, total_minor: expect.any(Number) },
      ]);
      expect(db.prepare(`SELECT tendered_minor, change_minor FROM tenders`).all()).toEqual([
        { tendered_minor: 5000, change_minor: 2362 },
      ]);
      const journal = db.prepare(`SELECT kind, ref FROM journal ORDER BY seq`).all() as {
        kind: string;
        ref: string;
      }[];
      expect(journal.filter((j) => j.kind === 'sale.completed').map((j) => j.ref)).toEqual([sales[0]?.id]);
      expect(verifyJournal(db)).toMatchObject({ ok: true });
      db.close();
    }, 90_000);
  }

  it('shows a specific message for malformed and unknown barcodes, and changes nothing', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-'));
    dirs.push(dataDir);
    const web = await startWebHostProcess(dataDir);
    hosts.push(web);
    const page = await browser.newPage();
    await page.goto(web.url);
    await page.locator(tid('cart-empty')).waitFor();
    await scan(page, '6901000000119'); // wrong check digit
    await page.locator(`${tid('toast')}[data-key="error.BARCODE_MALFORMED"]`).waitFor();
    await scan(page, '6901234567892'); // well-formed, not in the catalog
    await page.locator(`${tid('toast')}[data-key="error.BARCODE_UNKNOWN"]`).waitFor();
    expect(await page.locator(tid('cart-line')).count()).toBe(0);
    await page.close();
  });

  it('shows the startup-failure page for a corrupt database and keeps the file', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-'));
    dirs.push(dataDir);
    const junk = Buffer.from('SQLite format 3\0' + 'x'.repeat(5000));
    fs.writeFileSync(path.join(dataDir, 'pos.sqlite'), junk);
    const web = await startWebHostProcess(dataDir);
    hosts.push(web);
    expect(web.failure).toBe(true);
    const page = await browser.newPage();
    await page.goto(web.url);
    await expect.poll(() => page.locator('body').getAttribute('data-failure-code')).toBe('STORAGE_CORRUPT');
    const text = await page.locator('body').innerText();
    expect(text).toContain('Nothing was deleted or changed');
    expect(text).toContain(path.join(dataDir, 'pos.sqlite'));
    expect(fs.readFileSync(path.join(dataDir, 'pos.sqlite')).equals(junk)).toBe(true);
    await page.close();
  });
});
