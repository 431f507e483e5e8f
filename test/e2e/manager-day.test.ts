// The manager's day end to end in Chromium against the real web host (issue 13 point 6), on a live shop: a
// network receipt printer (the ESC/POS emulator on TCP 9100-style loopback) and the sandbox gateway in its own
// process over pinned HTTPS. The cashier signs in and opens a shift on a counted float; cash, card and QR sales
// and a cash refund; a paid-out; the X report on screen; the blind close, short, signed off by the manager with
// a note; the Z taken with the manager's PIN, printed and read back from the printer's bytes, its figures
// checked against the sales, tenders and refunds in the database. Then the next day's Z is killed (SIGKILL)
// inside its transaction; after the restart the day is still open with all its figures, and the Z taken again
// is whole and chained to the first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportView } from '../../main/api/contract';
import { verifyJournal } from '../../main/audit/journal';
import { DEMO } from '../../main/catalog/demo';
import { DEFAULT_CONFIG, type PosConfig } from '../../main/config/config';
import { verifyZChain } from '../../main/reports/z-chain';
import { EscPosPrinter } from '../../native/emulators/escpos-printer';
import { TcpPrinterEmulator } from '../../native/emulators/tcp-printer';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process';
import { liveShopOnGateway } from '../support/gateway-shop';
import { CASHIER } from '../support/signed-in-till';
import {
  approveAs,
  ensureRendererBuilt,
  hasChromium,
  launchChromium,
  openTill,
  scan,
  signInAndOpenShift,
  startWebHostProcess,
  tid,
  type WebHostProcess,
} from '../support/web-till';
import { cashSale, finishSale, refundWholeSale, wedgeCardSale } from '../support/web-till-suite';

if (!hasChromium) console.log('e2e: SKIPPED — /usr/bin/chromium is not installed (.ci/run installs it)');

const MANAGER = { code: '700', name: '王店长', role: 'manager', pin: '480259' } as const;
const TRACK1 = '%B4111111111111111^DOE/JOHN^30121010000000000000?';
const TRACK2 = ';4111111111111111=30121010000000000000?';
const WECHAT_CODE = '134567890123456789';
/** 1 x 50 + 10 x 1 yuan: under the shop's 100.00 approval limit */
const FLOAT = { 'note-5000': 1, 'coin-100': 10 } as const;
const FLOAT_MINOR = 6_000;

const read = <T>(dataDir: string, sql: string, ...args: unknown[]): T[] => {
  const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
};
const one = <T>(dataDir: string, sql: string, ...args: unknown[]): T => {
  const [row] = read<T>(dataDir, sql, ...args);
  if (row === undefined) throw new Error(`no row: ${sql}`);
  return row;
};

async function openManage(page: Page, entry: string): Promise<void> {
  await page.locator(tid('manage-button')).click();
  await page.locator(`${tid('manage-entry')}[data-entry="${entry}"]`).click();
}

/** Escape out of every screen back to the empty till. */
async function closeAll(page: Page): Promise<void> {
  const dialogs = page.locator('[role="dialog"][aria-modal="true"]');
  for (let i = 0; i < 5 && (await dialogs.count()) > 0; i++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
  await dialogs.first().waitFor({ state: 'detached' });
  await page.locator(tid('cart-empty')).waitFor();
}

/** Manage → Shift and cash → Close shift: the blind count, then what the screen says. */
async function blindClose(page: Page, counts: Readonly<Record<string, number>>): Promise<void> {
  await openManage(page, 'shift');
  await page.locator(tid('shift-close')).click();
  await page.locator(tid('shift-count')).waitFor();
  expect(await page.locator(tid('shift-expected')).count()).toBe(0); // blind: nothing says what it should be
  for (const [id, n] of Object.entries(counts)) {
    await page.locator(`${tid('shift-count-field')}[data-denomination="${id}"]`).fill(String(n));
  }
  await page.keyboard.press('Enter');
}

/** Manage → Reports → Close the day: the manager's PIN; answers the Z on screen. */
async function takeZ(page: Page): Promise<void> {
  await openManage(page, 'reports');
  await page.locator(`${tid('reports-tab')}[data-tab="z"]`).click();
  await page.locator(tid('report-z-take')).click();
  await approveAs(page, MANAGER.code, MANAGER.pin);
}

const yuan = (minor: number): string => (minor / 100).toFixed(2);

describe.skipIf(!hasChromium)('the manager’s day in Chromium', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-manager-day-'));
  const gwDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-manager-gw-'));
  const emulator = new TcpPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }));
  let gw: GatewayProcess | null = null;
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  let web: WebHostProcess | null = null;

  beforeAll(async () => {
    ensureRendererBuilt();
    browser = await launchChromium();
    const port = await emulator.start();
    gw = await startGatewayProcess(gwDir, ['--tls']);
    const config: Partial<PosConfig> = {
      store: { ...DEFAULT_CONFIG.store, name: '河畔便利店' },
      printer: { connection: { kind: 'tcp', host: emulator.host, port } },
      // A float or paid-out up to 100.00 needs no approval; a variance over 10.00 needs the manager's sign-off.
      cashControl: { movementApprovalMinor: 10_000, varianceApprovalMinor: 1_000 },
    };
    // Set up as on its first day: the gateway's secret and certificate, the card key pinned (gateway-shop.ts).
    await liveShopOnGateway(dataDir, gw, { staff: [MANAGER], config });
  }, 120_000);
  afterAll(async () => {
    await web?.kill('SIGKILL');
    await browser?.close();
    gw?.child.kill();
    await emulator.stop();
    for (const d of [dataDir, gwDir]) fs.rmSync(d, { recursive: true, force: true });
  });

  const start = async (extra: string[] = []): Promise<Page> => {
    web = await startWebHostProcess(dataDir, ['--fast-sync', ...extra]);
    if (!browser) throw new Error('no browser');
    return openTill(browser, web.url, { timeoutMs: 20_000 });
  };

  it('sells, counts the drawer, takes the Z, prints it, and survives a kill inside the next Z', async () => {
    let page = await start();
    // A live till refuses to sell before anyone signs in.
    await scan(page, DEMO.cola.barcode);
    await page.locator(tid('approval-dialog')).waitFor(); // SIGN_IN_REQUIRED opens the sign-in
    await page.keyboard.press('Escape');
    await signInAndOpenShift(page, CASHIER, FLOAT);

    // Cash, card (swiped on the wedge, sealed to the pinned key), QR (WeChat), and a cash refund.
    const cashReceipt = await cashSale(page, DEMO.cola.barcode);
    await wedgeCardSale(page, DEMO.water.barcode, [TRACK1, TRACK2]);
    await scan(page, DEMO.milk.barcode);
    await expect.poll(() => page.locator(tid('cart-line')).count()).toBe(1);
    await scan(page, WECHAT_CODE);
    await finishSale(page);
    await refundWholeSale(page, cashReceipt, MANAGER, 'cash');
    await closeAll(page);

    // A paid-out of 20.00 for the window cleaner.
    await openManage(page, 'shift');
    await page.locator(tid('shift-move')).click();
    await page.locator(tid('shift-move-kind')).selectOption('paid_out');
    await page.locator(tid('shift-move-amount')).fill('20.00');
    await page.locator(tid('shift-move-reason')).fill('window cleaner');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(tid('shift-movement')).count()).toBe(1);
    await closeAll(page);

    // The X report: the day so far, and the Z refused while the shift is open (which it says).
    await openManage(page, 'reports');
    const x = page.locator(`${tid('report-view')}[data-kind="x"]`);
    await x.waitFor();
    const figure = (id: string) => page.locator(`${tid('report-figure')}[data-figure="${id}"]`).first();
    expect(await figure('count').getAttribute('data-value')).toBe('3');
    expect(await figure('returnsCount').getAttribute('data-value')).toBe('1');
    expect(await page.locator(tid('report-tender')).count()).toBeGreaterThanOrEqual(3);
    await page.locator(`${tid('reports-tab')}[data-tab="z"]`).click();
    await page.locator(tid('report-z-take')).click();
    await approveAs(page, MANAGER.code, MANAGER.pin);
    await page.locator(`${tid('report-blocker')}[data-kind="shift-open"]`).waitFor();
    await closeAll(page);
    expect(read(dataDir, 'SELECT z_no FROM z_reports')).toEqual([]);

    // The blind close, 20.00 short (over the 10.00 limit): the manager signs it off with a note.
    const cashIn = one<{ n: number }>(
      dataDir,
      `SELECT coalesce(sum(t.amount_minor), 0) AS n FROM tenders t WHERE t.kind = 'cash'`,
    ).n;
    const refunded = one<{ n: number }>(dataDir, `SELECT sum(amount_minor) AS n FROM refunds`).n;
    const expected = FLOAT_MINOR + cashIn - refunded - 2_000;
    const counted = expected - 2_000;
    await blindClose(page, { 'coin-10': counted / 10 });
    await page.locator(`${tid('shift-state')}[data-state="closing"]`).waitFor();
    expect(await page.locator(tid('shift-variance')).getAttribute('data-minor')).toBe('-2000');
    await page.locator(tid('shift-sign-off')).click();
    await page.locator(tid('shift-note')).fill('20.00 short: change given twice');
    await page.keyboard.press('Enter');
    await approveAs(page, MANAGER.code, MANAGER.pin);
    await page.locator(`${tid('shift-state')}[data-state="closed"]`).waitFor();
    await closeAll(page);

    // The Z: numbered 1, on screen, printed on the receipt printer, chained.
    await takeZ(page);
    await page.locator(`${tid('report-view')}[data-kind="z"][data-zno="1"]`).waitFor();
    const z1 = one<{ body: string; chain_sha256: string }>(
      dataDir,
      'SELECT body, chain_sha256 FROM z_reports WHERE z_no = 1',
    );
    const report = JSON.parse(z1.body) as Omit<ReportView, 'chain'>;
    await expect
      .poll(() => emulator.printer.renderText(), { timeout: 20_000 })
      .toContain(z1.chain_sha256.slice(0, 16));
    const printed = emulator.printer.renderText();
    expect(printed).toContain('Z 报表');
    expect(printed).toContain(yuan(report.netSalesMinor));
    expect(printed).toContain('20.00 short: change given twice');

    // The Z's figures are the database's: sales, tenders, refunds, the shift's count.
    const sales = one<{ n: number; total: number; tax: number }>(
      dataDir,
      'SELECT count(*) AS n, sum(total_minor) AS total, sum(tax_minor) AS tax FROM sales',
    );
    expect(report.sales).toMatchObject({ count: sales.n, totalMinor: sales.total, taxMinor: sales.tax });
    expect(report.returns).toMatchObject({ count: 1, amountMinor: refunded });
    expect(report.netSalesMinor).toBe(sales.total - refunded);
    const tenders = read<{ kind: string; brand: string | null; amount: number }>(
      dataDir,
      `SELECT t.kind, coalesce(a.brand, a.qr_scheme) AS brand, sum(t.amount_minor) AS amount
       FROM tenders t LEFT JOIN payment_attempts a ON a.id = t.attempt_id GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(
      report.tenders
        .map((t) => ({ kind: t.kind, brand: t.brand, amount: t.amountMinor }))
        .sort((a, b) => `${a.kind}${a.brand}`.localeCompare(`${b.kind}${b.brand}`)),
    ).toEqual(tenders);
    expect(report.cashiers.map((c) => c.code)).toEqual([CASHIER.code]);
    expect(report.shifts).toEqual([
      expect.objectContaining({ paidOutMinor: 2_000, countedMinor: counted, varianceMinor: -2_000 }),
    ]);
    expect(report.cashVarianceMinor).toBe(-2_000);
    expect(report.shifts[0]?.signOff?.note).toBe('20.00 short: change given twice');
    await closeAll(page);
    await page.close();
    await web?.kill();

    // Day 2: one sale, the shift closed; the Z killed while its transaction is open.
    page = await start(['--hold-z-at', 'stored']);
    await signInAndOpenShift(page, CASHIER, FLOAT);
    await cashSale(page, DEMO.cola.barcode);
    const day2Cash = one<{ n: number }>(
      dataDir,
      `SELECT sum(amount_minor) AS n FROM day_totals WHERE day_no = 2 AND metric = 'tender:cash'`,
    ).n;
    await blindClose(page, { 'coin-10': (FLOAT_MINOR + day2Cash) / 10 });
    await page.locator(`${tid('shift-state')}[data-state="closed"]`).waitFor();
    await closeAll(page);
    await takeZ(page);
    const held = web;
    await expect.poll(() => held?.output() ?? '', { timeout: 20_000 }).toContain('"event":"z-held"');
    await held?.kill('SIGKILL');
    await page.close();

    // Nothing of the second Z: no row, no journal entry, day 2 still open with its sale.
    expect(read(dataDir, 'SELECT z_no FROM z_reports ORDER BY z_no')).toEqual([{ z_no: 1 }]);
    expect(read(dataDir, `SELECT count(*) AS n FROM journal WHERE kind = 'z.closed'`)).toEqual([{ n: 1 }]);
    expect(
      one<{ value: number }>(dataDir, `SELECT value FROM counters WHERE name = 'business-day'`).value,
    ).toBe(2);

    // After the restart the Z is taken again: whole, number 2, chained to Z 1, printed.
    page = await start();
    await takeZ(page);
    await page.locator(`${tid('report-view')}[data-kind="z"][data-zno="2"]`).waitFor();
    const z2 = one<{ body: string; prev_sha256: string; chain_sha256: string }>(
      dataDir,
      'SELECT body, prev_sha256, chain_sha256 FROM z_reports WHERE z_no = 2',
    );
    expect(z2.prev_sha256).toBe(z1.chain_sha256);
    expect((JSON.parse(z2.body) as ReportView).sales.count).toBe(1);
    await expect
      .poll(() => emulator.printer.renderText(), { timeout: 20_000 })
      .toContain(z2.chain_sha256.slice(0, 16));
    await page.close();
    await web?.kill();
    const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
    try {
      expect(verifyJournal(db)).toMatchObject({ ok: true });
      expect(verifyZChain(db)).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  }, 300_000);
});
