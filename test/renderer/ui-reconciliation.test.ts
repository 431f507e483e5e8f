// Issue 14 point 3 on screen, in Chromium against a real till and a sandbox gateway: Manage → Reconciliation
// opens on yesterday, fetches the day from the gateway (all matched), imports the gateway's own settlement
// with two differences made in it (one payment settled ¥1.00 more, a fee) under a manager's approval, shows
// each difference with its sale, attempt history and settlement row, offers only the actions that fit its
// class, resolves each with a note and an approval, and shows the day reconciled after the last one. A
// malformed file is refused with its line and reason. The day is exported as CSV under the data folder's
// exports/ with the resolution's note; a day with nothing reconciled is refused in words.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { actionsFor } from '../../main/api/contract/reconciliation';
import { DEFAULT_STORE_TIME_ZONE } from '../../main/api/contract/settings';
import { DEMO } from '../../main/catalog/demo';
import { loadConfig } from '../../main/config/config';
import { businessTimeZone } from '../../main/config/time-zone';
import { configuredClient } from '../../main/gateway/connection';
import { dateWithRoom } from '../support/business-day';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useSuiteGateway } from '../support/gateway-suite';
import { useUiPage } from '../support/ui-page';
import { FAST_PAYMENTS, MANAGER } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

const pad = (n: number): string => String(n).padStart(2, '0');
const localYesterday = (): string => {
  const d = new Date();
  d.setDate(d.getDate() - 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

describe.skipIf(!hasChromium)('the reconciliation screen in Chromium', () => {
  const gw = useSuiteGateway();
  const ui = useUiPage(() => ({ gateway: gw, paymentTuning: FAST_PAYMENTS }));
  const { tid, poll, calls } = ui;
  const item = (cls: string) => ui.page.locator(`[data-testid="recon-item"][data-class="${cls}"]`);

  // The business date each test sells and reconciles on, with room to finish on it: near the zone's midnight
  // (16:00 UTC) a test's sale and its reconciliation would otherwise fall on two dates.
  let day = '';
  beforeEach(async () => {
    day = await dateWithRoom(DEFAULT_STORE_TIME_ZONE, 90_000);
  }, 120_000);

  /** a bottle of water paid by the training visa card; answers its receipt number and attempt id */
  const cardSale = async (): Promise<{ receiptNo: string; attemptId: string }> => {
    const cart = await ui.till.call('cart.addProduct', {
      productId: `demo-${DEMO.water.sku}`,
      qtyMilli: 1000,
    });
    const a = await ui.till.call('payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const r = await ui.till.call('payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
    if (!r.sale) throw new Error('no sale');
    return { receiptNo: r.sale.receiptNo, attemptId: a.attemptId };
  };

  /** the gateway's own settlement of the day, as the till's configured client fetches it */
  const gatewaySettlement = async (day: string) => {
    const client = configuredClient({
      config: loadConfig(ui.till.dataDir),
      dataDir: ui.till.dataDir,
      now: () => new Date(),
    });
    try {
      const answer = await client.settlement(day);
      if (answer.kind !== 'ok') throw new Error(answer.kind);
      return answer.value;
    } finally {
      client.close();
    }
  };

  const openScreen = async (): Promise<void> => {
    await ui.page.keyboard.press('Shift+F2');
    await ui.page.locator('[data-testid="manage-entry"][data-entry="reconciliation"]').click();
    await tid('recon-screen').waitFor();
  };

  const importFile = async (name: string, format: string, text: string): Promise<void> => {
    await tid('recon-import-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await tid('recon-import-format').selectOption(format);
    await tid('recon-import').click();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await tid('recon-screen').waitFor();
  };

  const options = (testId: string) =>
    tid(testId)
      .locator('option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value')));

  const resolve = async (note: string): Promise<void> => {
    await tid('recon-note').fill(note);
    await tid('recon-resolve').click();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await tid('recon-screen').waitFor();
  };

  it('fetches, imports two differences, shows each in full and resolves them until the day is reconciled', async () => {
    const over = await cardSale();
    const feed = await cardSale();

    await openScreen();
    expect(await tid('recon-day').inputValue()).toBe(localYesterday());
    await tid('recon-day').fill(day);
    await tid('recon-fetch').click();
    await poll(() => tid('recon-badge').getAttribute('data-reconciled')).toBe('true');
    // matched payments are hidden until asked for
    expect(await tid('recon-item').count()).toBe(0);
    await tid('recon-show-matched').check();
    await poll(() => item('matched').count()).toBe(2);
    await tid('recon-show-matched').uncheck();

    // The gateway's own settlement as a JSON file, with two differences: ¥1.00 more settled, a ¥0.30 fee.
    const s = structuredClone(await gatewaySettlement(day));
    const payment = (ref: string) => {
      const p = s.payments.find((x) => x.reference === ref);
      if (!p) throw new Error(`no payment ${ref}`);
      return p;
    };
    payment(over.attemptId).amountMinor += 100;
    payment(feed.attemptId).feeMinor = 30;
    s.totals = {
      ...s.totals,
      approvedMinor: s.totals.approvedMinor + 100,
      netMinor: s.totals.netMinor + 100,
    };
    await importFile('settlement.json', 'gateway-json', JSON.stringify(s));
    await poll(() => item('amount_mismatch').count()).toBe(1);
    await poll(() => item('fee').count()).toBe(1);
    expect(await tid('recon-badge').getAttribute('data-reconciled')).toBe('false');

    // The class filter narrows the list to one class.
    await tid('recon-filter').selectOption('fee');
    await poll(() => tid('recon-item').count()).toBe(1);
    await tid('recon-filter').selectOption('all');

    // The mismatch in full: its sale, the attempt's history, the settlement row; only the actions that fit.
    await item('amount_mismatch').click();
    await poll(() => tid('recon-detail-sale').getAttribute('data-receipt')).toBe(over.receiptNo);
    const events = await tid('recon-detail-history')
      .locator('li')
      .evaluateAll((ls) => ls.map((l) => l.getAttribute('data-event')));
    expect(events).toEqual(['created', 'payment.approved', 'current']);
    expect(await tid('recon-detail-settlement').locator('li[data-line]').count()).toBe(1);
    expect(await options('recon-action')).toEqual(actionsFor('amount_mismatch'));
    expect(await options('recon-action')).not.toContain('accept_fee');

    // A note is required before any approval is asked for.
    await tid('recon-resolve').click();
    expect(await tid('approval-dialog').count()).toBe(0);
    await tid('recon-action').selectOption('write_off');
    await resolve('多结算一元，核销');
    await poll(() => tid('recon-detail-resolution').getAttribute('data-action')).toBe('write_off');
    expect(await tid('recon-detail-resolution').textContent()).toContain('多结算一元，核销');
    expect(await item('amount_mismatch').getAttribute('data-state')).toBe('resolved');
    expect(await tid('recon-badge').getAttribute('data-reconciled')).toBe('false');

    // A fee is only ever accepted. Another till resolves it first: this screen says so plainly.
    await item('fee').click();
    await tid('recon-detail').and(ui.page.locator('[data-class="fee"]')).waitFor();
    expect(await options('recon-action')).toEqual(['accept_fee']);
    const feeId = (await item('fee').getAttribute('data-item')) ?? '';
    await ui.till.call('recon.resolve', {
      ...{ itemId: feeId, action: 'accept_fee', note: 'accepted at the other till' },
      approval: { operatorCode: MANAGER.code, pin: MANAGER.pin },
    });
    await resolve('接受手续费');
    await poll(() => tid('recon-resolve-error').getAttribute('data-code')).toBe('RESOLUTION_NOT_ALLOWED');
    expect(await tid('recon-resolve-error').textContent()).toContain('已经处理过');

    // The day read again (another day, then this one): every difference resolved, the day reconciled.
    await tid('recon-day').fill(localYesterday());
    await tid('recon-day').fill(day);
    await poll(() => tid('recon-badge').getAttribute('data-reconciled')).toBe('true');
    expect(await item('fee').getAttribute('data-state')).toBe('resolved');
    expect(calls('recon.resolve')).toHaveLength(2);
  });

  it('resolves the last difference through the screen and shows the day reconciled', async () => {
    const sale = await cardSale();
    const settled = await gatewaySettlement(day);
    // only this till's payment, settled with a fee
    const mine = settled.payments.filter((p) => p.reference === sale.attemptId);
    const s = {
      ...settled,
      payments: mine.map((p) => ({ ...p, feeMinor: 12 })),
      totals: {
        count: 1,
        approvedMinor: mine[0]?.amountMinor ?? 0,
        refundedMinor: 0,
        netMinor: mine[0]?.amountMinor ?? 0,
      },
    };
    await openScreen();
    await tid('recon-day').fill(day);
    await importFile('settlement.json', 'gateway-json', JSON.stringify(s));
    await poll(() => item('fee').count()).toBe(1);
    // by keyboard: the row takes focus and Enter opens it; Tab reaches the note
    await item('fee').focus();
    await ui.page.keyboard.press('Enter');
    await tid('recon-action').waitFor();
    await tid('recon-action').focus();
    await ui.page.keyboard.press('Tab');
    expect(await ui.focusedTestId()).toBe('recon-note');
    await resolve('accepted');
    await poll(() => tid('recon-badge').getAttribute('data-reconciled')).toBe('true');
    await poll(() => tid('recon-detail-resolution').getAttribute('data-action')).toBe('accept_fee');
  });

  it('refuses a malformed file with its line and reason, and keeps nothing', async () => {
    await openScreen();
    await tid('recon-day').fill(day);
    await importFile('bill.csv', 'wechat', 'not a bill\n');
    await poll(() => tid('recon-error').getAttribute('data-code')).toBe('SETTLEMENT_INVALID');
    expect(await tid('recon-error').getAttribute('data-line')).toBe('1');
    expect(await tid('recon-error').getAttribute('data-reason')).toBe('unknown-layout');
    expect(await tid('recon-error').textContent()).toContain('第 1 行');
    expect((await ui.till.call('recon.day', { day })).imports).toEqual([]);
  });

  it('exports the day as CSV under exports/ with the resolved note; a day with nothing reconciled says so', async () => {
    const sale = await cardSale();
    const config = loadConfig(ui.till.dataDir);
    expect(businessTimeZone(config)).toBe(DEFAULT_STORE_TIME_ZONE);
    await openScreen();
    // a day never fetched nor imported: refused in words, nothing written
    await tid('recon-day').fill('2020-01-02');
    await ui.page.locator('[data-testid="recon-export"][data-format="csv"]').click();
    await poll(() => tid('recon-export-error').getAttribute('data-code')).toBe('NOT_FOUND');
    expect(await tid('recon-export-error').textContent()).toContain('2020-01-02 尚未对账');
    expect(fs.existsSync(path.join(ui.till.dataDir, 'exports'))).toBe(false);

    const client = configuredClient({ config, dataDir: ui.till.dataDir, now: () => new Date() });
    const answer = await client.settlement(day);
    client.close();
    if (answer.kind !== 'ok') throw new Error(answer.kind);
    const mine = answer.value.payments.filter((p) => p.reference === sale.attemptId);
    const settled = mine[0]?.amountMinor ?? 0;
    const s = {
      ...answer.value,
      payments: mine.map((p) => ({ ...p, feeMinor: 7 })),
      totals: { count: 1, approvedMinor: settled, refundedMinor: 0, netMinor: settled },
    };
    await tid('recon-day').fill(day);
    await poll(() => tid('recon-export-error').count()).toBe(0);
    await importFile('settlement.json', 'gateway-json', JSON.stringify(s));
    await poll(() => item('fee').count()).toBe(1);
    const feeId = (await item('fee').getAttribute('data-item')) ?? '';
    await ui.till.call('recon.resolve', {
      ...{ itemId: feeId, action: 'accept_fee', note: '手续费七分，已核对' },
      approval: { operatorCode: MANAGER.code, pin: MANAGER.pin },
    });

    await ui.page.locator('[data-testid="recon-export"][data-format="csv"]').click();
    const written = path.join(ui.till.dataDir, 'exports', `recon-${day}-${config.store.terminalId}.csv`);
    await poll(() => tid('recon-export-done').getAttribute('data-path')).toBe(written);
    expect(await tid('recon-export-done').textContent()).toContain(written);
    const text = fs.readFileSync(written, 'utf8');
    expect(text).toContain('手续费七分，已核对');
    expect(text).toContain('accept_fee');
    expect(text).toContain(sale.attemptId);
    expect(calls('recon.export')).toHaveLength(2);
  });
});
