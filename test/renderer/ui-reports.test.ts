// Issue 13 points 1-3 on screen, in Chromium against a real LIVE till: a scan with nobody signed in opens the
// sign-in dialog and, signed in without a shift, the prompt that leads to the Shift screen (main's till gate);
// then Manage → Reports: the X report shows the day's sale, the Z is refused while the shift is open (the
// blocker in words, with the way to the Shift screen) and, once the shift is closed, taken with a manager's
// approval and listed as Z No. 1.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { TEST_FLOAT } from '../support/signed-in-till';
import { useUiPage } from '../support/ui-page';
import { CASHIER, MANAGER } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

describe.skipIf(!hasChromium)('the Reports screen and the till gate in Chromium', () => {
  const ui = useUiPage(() => ({ live: true }));
  const { tid, poll, calls } = ui;
  const figure = (id: string) =>
    ui.page.locator(`[data-testid="report-figure"][data-figure="${id}"]`).getAttribute('data-value');
  const tab = (name: string) => ui.page.locator(`[data-testid="reports-tab"][data-tab="${name}"]`).click();
  const openReports = async () => {
    await ui.page.keyboard.press('Shift+F2');
    await ui.page.locator('[data-testid="manage-entry"][data-entry="reports"]').click();
    await tid('reports-screen').waitFor();
  };

  // The till speaks Chinese until switched (the default locale).
  it('asks for a sign-in, then a shift, before a live till sells', async () => {
    await ui.scan(DEMO.cola.barcode);
    // Nobody signed in: the sign-in dialog (the approval prompt's code and PIN) opens by itself.
    await tid('approval-dialog').waitFor();
    expect(ui.till.answers('cart.scan').at(-1)).toMatchObject({ error: { code: 'SIGN_IN_REQUIRED' } });
    await ui.approveAs(CASHIER.code, CASHIER.pin);
    await poll(() => calls('session.signIn').length).toBe(1);
    await tid('approval-dialog').waitFor({ state: 'detached' });

    await ui.scan(DEMO.cola.barcode);
    await tid('shift-required').waitFor();
    expect(ui.till.answers('cart.scan').at(-1)).toMatchObject({ error: { code: 'SHIFT_REQUIRED' } });
    expect(await tid('shift-required').textContent()).toContain('请先开班');
    await tid('dialog-ok').click();
    await poll(() => tid('shift-state').getAttribute('data-state')).toBe('none');
  });

  it('shows the X report, refuses the Z while a shift is open, then takes Z No. 1', async () => {
    const { page, till } = ui;
    await till.call('session.signIn', { operatorCode: CASHIER.code, pin: CASHIER.pin });
    await till.call('shift.open', { floatCounts: { ...TEST_FLOAT } });
    // One cola (3.00) paid with exactly 3.00 cash: the drawer then holds 313.00.
    const cart = await till.call('cart.scan', { code: DEMO.cola.barcode });
    await till.call('sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: 300,
    });

    await openReports();
    await poll(() => tid('report-view').getAttribute('data-kind')).toBe('x');
    expect(await figure('count')).toBe('1');
    expect(await figure('total')).toBe('300');
    expect(await figure('net')).toBe('300');
    const cash = page.locator('[data-testid="report-tender"][data-kind="cash"]');
    expect(await cash.getAttribute('data-value')).toBe('300');
    expect(await page.locator('[data-testid="report-cashier"]').getAttribute('data-code')).toBe(CASHIER.code);
    expect(await tid('report-shift').getAttribute('data-state')).toBe('open');
    expect(await tid('report-view').textContent()).toContain('¥3.00');
    expect(await tid('report-chain').count()).toBe(0);

    // The Z while the shift is open: refused, the blocker said in words, nothing closed.
    await tab('z');
    await tid('report-z-take').click();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await tid('report-z-refused').waitFor();
    expect(await tid('report-blocker').getAttribute('data-kind')).toBe('shift-open');
    expect(await tid('report-blocker').textContent()).toMatch(/钱箱 .+ 的班次仍在进行中/);
    expect(await tid('report-view').count()).toBe(0);
    expect(await till.call('report.list', {})).toEqual([]);
    await tid('report-blocker-go').click();
    await poll(() => tid('shift-state').getAttribute('data-state')).toBe('open');
    await page.keyboard.press('Escape');

    // Closed with the count the drawer should hold (no variance, no sign-off): now the Z closes the day.
    const closed = await till.call('shift.close', { counts: { ...TEST_FLOAT, 'coin-100': 13 } });
    expect(closed.state).toBe('closed');
    await openReports();
    await tab('z');
    await tid('report-z-take').click();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(() => tid('report-view').getAttribute('data-zno')).toBe('1');
    expect(await tid('report-view').getAttribute('data-kind')).toBe('z');
    expect(await figure('total')).toBe('300');
    const [z] = await till.call('report.list', {});
    expect(await tid('report-chain').getAttribute('data-chain')).toBe(z?.chainSha256);
    expect(await tid('report-shift').getAttribute('data-state')).toBe('closed');

    // Printed again from the screen: main queues the Z (a copy) on the receipt printer.
    await tid('report-print').click();
    await poll(() => tid('report-done').getAttribute('data-kind')).toBe('printed');
    expect(calls('report.print')).toEqual([{ zNo: 1 }]);

    // Exported: main writes the file under the data folder's exports/ and the screen shows where.
    for (const format of ['csv', 'pdf'] as const) {
      await page.locator(`[data-testid="report-export"][data-format="${format}"]`).click();
      await poll(() => till.answers('report.export').length).toBe(format === 'csv' ? 1 : 2);
      const written = till.answers('report.export').at(-1);
      if (!written?.ok) throw new Error(`report.export failed: ${JSON.stringify(written)}`);
      const file = (written.value as { path: string }).path;
      await poll(() => tid('report-done').textContent()).toContain(file);
      expect(file.startsWith(path.join(till.dataDir, 'exports'))).toBe(true);
      expect(fs.statSync(file).size).toBeGreaterThan(0);
    }
    expect(calls('report.export')).toEqual([
      { zNo: 1, format: 'csv' },
      { zNo: 1, format: 'pdf' },
    ]);

    await tab('past');
    await poll(() => tid('report-past-row').count()).toBe(1);
    expect(await tid('report-past-row').getAttribute('data-zno')).toBe('1');
    await tid('report-past-row').click();
    await poll(() => tid('report-view').getAttribute('data-zno')).toBe('1');
    expect(calls('report.get')).toEqual([{ zNo: 1 }]);

    // The next day's X starts from nothing.
    await tab('x');
    await poll(() => tid('report-view').getAttribute('data-kind')).toBe('x');
    expect(await figure('count')).toBe('0');
  });

  it('shows the voids per cashier and a settlement day reconciled since the previous Z, then not again', async () => {
    const { page, till } = ui;
    await till.call('session.signIn', { operatorCode: CASHIER.code, pin: CASHIER.pin });
    await till.call('shift.open', { floatCounts: { ...TEST_FLOAT } });
    // One line removed from a cart, then a cart cleared with goods in it: by the signed-in cashier.
    const scanned = await till.call('cart.scan', { code: DEMO.cola.barcode });
    await till.call('cart.removeLine', { lineId: scanned.lines.at(-1)?.lineId ?? '' });
    await till.call('cart.scan', { code: DEMO.cola.barcode });
    await till.call('cart.clear', {});
    // A settlement day with one charge the till never made, imported and resolved through the real channels.
    const day = '2026-12-01';
    const settlement = {
      businessDate: day,
      terminalId: 'T01',
      currency: 'CNY',
      payments: [
        {
          ...{ kind: 'card', id: 'pay_ui_1', reference: 'ref-ui-1', saleRef: null, status: 'approved' },
          ...{ amountMinor: 1200, refundedMinor: 0, brandOrScheme: 'visa', last4: '4242' },
          ...{ storedOffline: false, at: '2026-12-01T04:00:00.000Z', feeMinor: 0 },
        },
      ],
      totals: { count: 1, approvedMinor: 1200, refundedMinor: 0, netMinor: 1200 },
    };
    const approval = { operatorCode: MANAGER.code, pin: MANAGER.pin };
    const imported = await till.call('recon.import', {
      ...{ day, fileName: 'settlement.json', format: 'gateway-json', approval },
      bytes: Buffer.from(JSON.stringify(settlement)).toString('base64'),
    });
    const open = imported.items.filter((i) => i.state === 'open');
    expect(open.map((i) => i.class)).toEqual(['charged_no_sale']);
    await till.call('recon.resolve', {
      ...{ itemId: open[0]?.id ?? '', action: 'escalate_acquirer', note: 'not ours', approval },
    });

    await openReports();
    await poll(() => tid('report-view').getAttribute('data-kind')).toBe('x');
    const cashier = page.locator(`[data-testid="report-cashier"][data-code="${CASHIER.code}"]`);
    expect(await cashier.getAttribute('data-voids')).toBe('1');
    expect(await cashier.getAttribute('data-line-voids')).toBe('1');
    expect(await cashier.textContent()).toContain('整单作废 1 次，删除商品行 1 次');
    const reconciled = tid('report-reconciled');
    expect(await reconciled.getAttribute('data-day')).toBe(day);
    expect(await reconciled.getAttribute('data-resolved')).toBe('1');
    expect(await reconciled.textContent()).toContain(`已对账：${day}（处理差异 1 笔）`);

    // On the Z, then not on the next day's X.
    await till.call('shift.close', { counts: { ...TEST_FLOAT } });
    await tab('z');
    await tid('report-z-take').click();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(() => tid('report-view').getAttribute('data-kind')).toBe('z');
    expect(await tid('report-reconciled').getAttribute('data-day')).toBe(day);
    await tab('x');
    await poll(() => tid('report-view').getAttribute('data-kind')).toBe('x');
    expect(await tid('report-reconciled').count()).toBe(0);
  });
});
