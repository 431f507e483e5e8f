// One Chromium and one data folder per end-to-end suite, around the real web host (web-till.ts), and the cash
// sale several suites start from. Kept apart from web-till.ts, which a benchmark imports without vitest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  approveAs,
  ensureRendererBuilt,
  launchChromium,
  scan,
  startWebHostProcess,
  tid,
  type WebHostProcess,
} from './web-till';
import { keyBurst } from './key-burst';

export interface WebTillSuite {
  readonly browser: () => Browser;
  readonly dataDir: () => string;
  /** Starts the web host on the suite's data folder (`extra`: its flags); killed after the suite or by stop(). */
  start(extra?: string[]): Promise<WebHostProcess>;
  stop(): Promise<void>;
}

/** Registers the suite's set-up and tear-down; call inside describe(). */
export function webTillSuite(prefix: string): WebTillSuite {
  let browser: Browser | null = null;
  let dataDir: string | null = null;
  let web: WebHostProcess | null = null;
  beforeAll(async () => {
    ensureRendererBuilt();
    browser = await launchChromium();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    await browser?.close();
    await web?.kill();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const need = <T>(v: T | null, what: string): T => {
    if (v === null) throw new Error(`${what} is not ready: the suite's beforeAll has not run`);
    return v;
  };
  return {
    browser: () => need(browser, 'the browser'),
    dataDir: () => need(dataDir, 'the data folder'),
    async start(extra: string[] = []) {
      web = await startWebHostProcess(need(dataDir, 'the data folder'), extra);
      return web;
    },
    async stop() {
      await web?.kill();
      web = null;
    },
  };
}

/** A cash sale of one scanned item, exact cash; returns its receipt number. */
export async function cashSale(page: Page, barcode: string): Promise<string> {
  await scan(page, barcode);
  await expect.poll(() => page.locator(tid('cart-line')).count()).toBe(1);
  await page.keyboard.press('F12');
  await page.locator(tid('tender-dialog')).waitFor();
  await page.keyboard.press('Enter'); // empty = exact cash
  await page.locator(tid('sale-complete')).waitFor();
  const receiptNo = (await page.locator(tid('receipt-no')).innerText()).match(/T01-\d+/)?.[0] ?? '';
  await page.keyboard.press('Enter');
  await page.locator(tid('cart-empty')).waitFor();
  return receiptNo;
}

/** Sells one scanned item paid by a card swiped on the keyboard-wedge reader (its two tracks, each + Enter). */
export async function wedgeCardSale(page: Page, barcode: string, tracks: readonly string[]): Promise<void> {
  await scan(page, barcode);
  await expect.poll(() => page.locator(tid('cart-line')).count()).toBe(1);
  await page.keyboard.press('Shift+F12');
  await page.locator(tid('card-swipe-prompt')).waitFor();
  await keyBurst(
    page,
    tracks.flatMap((t) => [...t, 'Enter']),
  );
  await finishSale(page);
}

/** The sale-complete screen dismissed: the till back to an empty cart. */
export async function finishSale(page: Page): Promise<void> {
  await page.locator(tid('sale-complete')).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator(tid('cart-empty')).waitFor();
}

/**
 * Receipts (Shift+F7) → the sale → F9: refunded in full (reason: defective) with the approver's PIN, waited
 * for until done to `kind`. The receipts screen is left open: each suite closes its screens its own way.
 */
export async function refundWholeSale(
  page: Page,
  receiptNo: string,
  approver: { readonly code: string; readonly pin: string },
  kind: 'card' | 'cash',
): Promise<void> {
  await page.keyboard.press('Shift+F7');
  await page.locator(tid('receipts-screen')).waitFor();
  await page.locator(`${tid('receipts-row')}[data-receipt-no="${receiptNo}"]`).click();
  await expect
    .poll(() => page.locator(`${tid('receipts-detail')} ${tid('receipt-no')}`).innerText())
    .toContain(receiptNo);
  await page.keyboard.press('F9');
  await page.locator(tid('refund-dialog')).waitFor();
  await page.locator(`${tid('refund-reason')}[data-reason="defective"]`).click();
  await page.locator(tid('refund-all')).click();
  await page.locator(tid('refund-confirm')).click();
  await approveAs(page, approver.code, approver.pin);
  await page.locator(`${tid('refund-done')}[data-kind="${kind}"]`).waitFor({ timeout: 30_000 });
}
