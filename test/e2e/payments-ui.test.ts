// End to end in Debian's Chromium against the real web host in training mode (its in-process sandbox
// gateway): a card sale driven only through the cashier screen — scan, Shift+F12, the visa test card on the
// emulated encrypting reader — then the sale-complete screen with brand, ****last4 and the authorisation
// code, and the database's card tender. Also: no card number anywhere in what the host printed.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { TRAINING_CARDS } from '../../main/payments/card/training-cards';
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

describe.skipIf(!hasChromium)('a card sale through the cashier screen', () => {
  let browser: Browser;
  let web: WebHostProcess | null = null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-card-'));
  beforeAll(async () => {
    ensureRendererBuilt();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('training mode: the visa test card is approved and the sale completes with a card tender', async () => {
    web = await startWebHostProcess(dataDir);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(web.url);
    await page.locator(tid('cart-empty')).waitFor();
    await expect.poll(() => page.locator(tid('status-gateway')).getAttribute('data-state')).toBe('online');

    await scan(page, DEMO.cola.barcode);
    await page.locator(tid('cart-line')).waitFor();
    const due = Number(await page.locator(tid('total-due')).getAttribute('data-minor'));

    await page.keyboard.press('Shift+F12');
    await page.locator(tid('card-swipe-prompt')).waitFor();
    expect(Number(await page.locator(tid('card-amount')).getAttribute('data-minor'))).toBe(due);
    await page.locator(`${tid('test-card')}[data-card="visa"]`).click();

    await page.locator(tid('sale-complete')).waitFor();
    const paid = page.locator(tid('complete-tender'));
    expect(await paid.getAttribute('data-kind')).toBe('card');
    expect(await paid.getAttribute('data-stored')).toBe('false');
    expect(await paid.innerText()).toMatch(/VISA \*{4}\d{4}/);
    expect(await page.locator(tid('receipt-tender')).getAttribute('data-kind')).toBe('card');
    await page.keyboard.press('Enter');
    await page.locator(tid('cart-empty')).waitFor();
    await page.close();
    await web.kill();

    const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
    const sales = db.prepare(`SELECT total_minor FROM sales`).all() as { total_minor: number }[];
    expect(sales).toEqual([{ total_minor: due }]);
    expect(db.prepare(`SELECT kind, amount_minor FROM tenders`).all()).toEqual([
      { kind: 'card', amount_minor: due },
    ]);
    db.close();
    // The host's own output never carries the card number that was swiped.
    expect(web.output()).not.toContain(TRAINING_CARDS.visa.pan);
  });
});
