// Refunds in Chromium against the real web host process, with the sandbox gateway running in this test (its
// own ledger) so it can be cut off: a card sale and a cash sale of three colas; the gateway cut off → the
// card sale's refund screen says "online only" and offers no way to go on; the gateway back → the card sale
// is refunded to the card (one refund in the gateway's ledger, under the screen's reference); two of the
// three colas are refunded in cash. The SQLite file is then read: both refunds completed, their slips and
// the drawer kick printed, the journal entries naming the approving manager, the chain intact.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/audit/journal';
import { DEMO } from '../../main/catalog/demo';
import {
  approveAs,
  ensureRendererBuilt,
  gatewayState,
  hasChromium,
  launchChromium,
  openTill,
  scan,
  startWebHostProcess,
  tid,
  type WebHostProcess,
} from '../support/web-till';
import { tillGateway } from '../support/till-gateway';

const SECRET = Buffer.alloc(32, 9);
const MANAGER = { code: '900', pin: '1234' };

describe.skipIf(!hasChromium)('refunds in Chromium', () => {
  let browser: Browser;
  let web: WebHostProcess | null = null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-refunds-'));
  const dataDir = path.join(dir, 'till');
  fs.mkdirSync(dataDir);
  const gw = tillGateway({ dataDir: path.join(dir, 'gw'), secret: SECRET });

  beforeAll(async () => {
    ensureRendererBuilt();
    browser = await launchChromium();
    fs.mkdirSync(path.join(dir, 'gw'));
    await gw.up();
    gw.configureTill(dataDir);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.kill();
    await gw.down();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function finishSale(page: Page): Promise<string> {
    await page.locator(tid('sale-complete')).waitFor();
    const receiptNo = (await page.locator(tid('receipt-no')).innerText()).match(/T01-\d+/)?.[0] ?? '';
    await page.keyboard.press('Enter');
    await page.locator(tid('cart-empty')).waitFor();
    return receiptNo;
  }

  /** Opens the receipts screen on `receiptNo` and its refund dialog. */
  async function openRefund(page: Page, receiptNo: string): Promise<void> {
    await page.keyboard.press('Shift+F7');
    await page.locator(tid('receipts-screen')).waitFor();
    await page.locator(`${tid('receipts-row')}[data-receipt-no="${receiptNo}"]`).click();
    await expect
      .poll(async () => page.locator(`${tid('receipts-detail')} ${tid('receipt-no')}`).innerText())
      .toContain(receiptNo);
    await page.keyboard.press('F9');
    await page.locator(tid('refund-dialog')).waitFor();
    await expect.poll(() => page.locator(tid('refund-line')).count()).toBeGreaterThan(0);
  }

  async function closeReceipts(page: Page): Promise<void> {
    for (let i = 0; i < 3 && (await page.locator(tid('receipts-screen')).count()) > 0; i++) {
      await page.keyboard.press('Escape');
    }
    await page.locator(tid('receipts-screen')).waitFor({ state: 'detached' });
  }

  it(
    'says online-only while the gateway is down, then refunds to the card and in cash',
    { timeout: 120_000 },
    async () => {
      web = await startWebHostProcess(dataDir, ['--fast-sync']);
      const page = await openTill(browser, web.url, { timeoutMs: 15_000 });
      await expect.poll(() => gatewayState(page)).toBe('online');

      // A card sale (visa, online) and a cash sale of three colas.
      await scan(page, DEMO.water.barcode);
      await page.locator(tid('cart-line')).waitFor();
      await page.keyboard.press('Shift+F12');
      await page.locator(`${tid('test-card')}[data-card="visa"]`).click();
      const cardReceipt = await finishSale(page);
      for (let i = 0; i < 3; i++) await scan(page, DEMO.cola.barcode);
      await expect.poll(() => page.locator(tid('cart-line')).getAttribute('data-qty-milli')).toBe('3000');
      await page.keyboard.press('F12');
      await page.locator(tid('tender-dialog')).waitFor();
      await page.keyboard.press('Enter'); // exact cash
      const cashReceipt = await finishSale(page);

      // The gateway is cut off: the card refund is refused before anyone types a PIN, and the screen says why.
      await gw.down();
      await expect.poll(() => gatewayState(page), { timeout: 20_000 }).toBe('offline');
      await openRefund(page, cardReceipt);
      const banner = page.locator(tid('refund-blocked'));
      await banner.waitFor();
      expect(await banner.getAttribute('data-code')).toBe('ONLINE_ONLY');
      // The till speaks Chinese by default: "card and QR refunds are online only; nothing was refunded".
      expect(await banner.innerText()).toContain('仅限在线');
      expect(await banner.innerText()).toContain('VISA ••••0010');
      expect(await page.locator(tid('refund-confirm')).isDisabled()).toBe(true);
      await closeReceipts(page);

      // Back online: the card sale is refunded to the card.
      await gw.up();
      await expect.poll(() => gatewayState(page), { timeout: 20_000 }).toBe('online');
      await openRefund(page, cardReceipt);
      expect(await page.locator(tid('refund-blocked')).count()).toBe(0);
      expect(await page.locator(tid('refund-tender')).getAttribute('data-kind')).toBe('card');
      await page.locator(tid('refund-all')).click();
      await page.locator(`${tid('refund-reason')}[data-reason="defective"]`).click();
      await page.locator(tid('refund-confirm')).click();
      await approveAs(page, MANAGER.code, MANAGER.pin);
      const cardDone = page.locator(tid('refund-done'));
      await cardDone.waitFor();
      expect(await cardDone.getAttribute('data-kind')).toBe('card');
      expect(await cardDone.innerText()).toContain('0010');
      await closeReceipts(page);
      const ledger = gw.current()?.ledger.refunds('T01') ?? [];
      expect(ledger).toHaveLength(1);
      expect(ledger[0]).toMatchObject({ status: 'succeeded', amountMinor: DEMO.water.priceMinor });

      // Two of the three colas back in cash.
      await openRefund(page, cashReceipt);
      expect(await page.locator(tid('refund-tender')).getAttribute('data-kind')).toBe('cash');
      const qty = page.locator(tid('refund-qty')).first();
      await qty.fill('2');
      await page.locator(`${tid('refund-reason')}[data-reason="not_wanted"]`).click();
      await page.locator(tid('refund-confirm')).click();
      await approveAs(page, MANAGER.code, MANAGER.pin);
      await page.locator(tid('refund-done')).waitFor();
      expect(await page.locator(tid('refund-done')).getAttribute('data-kind')).toBe('cash');
      await closeReceipts(page);
      await page.close();
      // The slips come out of the (training) emulated printer shortly after: wait for them before stopping.
      const printed = (): number => {
        const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
        try {
          return (
            db
              .prepare(`SELECT count(*) AS n FROM print_jobs WHERE kind = 'refund' AND state = 'printed'`)
              .get() as { n: number }
          ).n;
        } finally {
          db.close();
        }
      };
      await expect.poll(printed, { timeout: 15_000 }).toBe(2);
      await web.kill();
      web = null;

      const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
      try {
        const refunds = db
          .prepare(
            `SELECT r.id, r.state, r.tender_kind, r.amount_minor, s.receipt_no FROM refunds r
           JOIN sales s ON s.id = r.sale_id ORDER BY r.refund_no`,
          )
          .all() as {
          id: string;
          state: string;
          tender_kind: string;
          amount_minor: number;
          receipt_no: string;
        }[];
        expect(refunds.map((r) => [r.receipt_no, r.tender_kind, r.state, r.amount_minor])).toEqual([
          [cardReceipt, 'card', 'completed', DEMO.water.priceMinor],
          [cashReceipt, 'cash', 'completed', 2 * DEMO.cola.priceMinor],
        ]);
        expect(ledger[0]?.reference).toBe(refunds[0]?.id);
        // Both slips printed (training: the emulated printer), and the drawer opened for the cash one.
        const jobs = db
          .prepare(
            `SELECT kind, state FROM print_jobs WHERE kind IN ('refund', 'drawer') ORDER BY id DESC LIMIT 3`,
          )
          .all();
        expect(jobs).toEqual([
          { kind: 'refund', state: 'printed' },
          { kind: 'drawer', state: 'printed' },
          { kind: 'refund', state: 'printed' },
        ]);
        const entries = db
          .prepare(`SELECT body FROM journal WHERE kind = 'refund.completed' ORDER BY seq`)
          .all() as { body: string }[];
        expect(entries).toHaveLength(2);
        expect(
          entries.map((e) => (JSON.parse(e.body) as { approvedBy?: { code: string } }).approvedBy?.code),
        ).toEqual([
          undefined, // the card refund's approver is in its refund.started entry
          MANAGER.code,
        ]);
        const started = db.prepare(`SELECT body FROM journal WHERE kind = 'refund.started'`).all() as {
          body: string;
        }[];
        expect(
          started.map((e) => (JSON.parse(e.body) as { approvedBy: { code: string } }).approvedBy.code),
        ).toEqual([MANAGER.code]);
        expect(verifyJournal(db).ok).toBe(true);
      } finally {
        db.close();
      }
    },
  );
});
