// Issue 14 point 5 in Chromium against the real host (a training till and a sandbox gateway), under the real
// CSP (a violation fails the test): two cash sales and a card sale, a voided cart, then Manage → Reports shows
// the X report's four charts drawn by ECharts in SVG with their titles: a bar for the hour that sold (its money
// label), the tender slices, the voids of the cashier, and the differences by class once a settlement that
// disagrees is imported ("not reconciled yet" before). Then in zh-CN: the Chinese titles and labels in the SVG.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useSuiteGateway } from '../support/gateway-suite';
import { useUiPage } from '../support/ui-page';
import { FAST_PAYMENTS, MANAGER } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

const SHANGHAI = 'Asia/Shanghai';
const shanghaiHour = (): number =>
  Number(
    new Intl.DateTimeFormat('en-US', { timeZone: SHANGHAI, hour: 'numeric', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
const shanghaiDate = (): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: SHANGHAI,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

describe.skipIf(!hasChromium)('the reports screen’s charts in Chromium', () => {
  const gw = useSuiteGateway();
  const ui = useUiPage(() => ({ gateway: gw, paymentTuning: FAST_PAYMENTS }));
  const { tid, poll } = ui;
  const cell = (name: string) => ui.page.locator(`[data-testid="report-chart"][data-chart="${name}"]`);
  /** the text ECharts drew in a chart's SVG */
  const drawn = (name: string) => cell(name).locator('svg').first().textContent();
  const openReports = async () => {
    await ui.page.keyboard.press('Shift+F2');
    await ui.page.locator('[data-testid="manage-entry"][data-entry="reports"]').click();
    await poll(() => tid('report-view').getAttribute('data-kind')).toBe('x');
  };

  // The sales fall in one hour and on one date (China time's hours begin with UTC's): near the top of an hour
  // the test first waits it out, rather than selling across it.
  beforeEach(async () => {
    const toNextHour = 3_600_000 - (Date.now() % 3_600_000);
    if (toNextHour < 90_000) await new Promise((resolve) => setTimeout(resolve, toNextHour + 1_000));
  }, 120_000);

  it('draws sales by hour, the tender mix, voids by cashier and differences by class, in English and Chinese', async () => {
    const { till, page } = ui;
    await poll(async () => (await till.call('status.get', {})).gateway.state).toBe('online');
    await tid('locale-switch').click();
    await poll(() => page.evaluate('document.documentElement.lang')).toBe('en');

    const hours = new Set([shanghaiHour()]);
    for (let i = 0; i < 2; i++) {
      const cart = await till.call('cart.addProduct', { productId: `demo-${DEMO.cola.sku}` });
      await till.call('sale.tenderCash', {
        cartId: cart.cartId,
        cartVersion: cart.version,
        tenderedMinor: 300,
      });
    }
    const cart = await till.call('cart.addProduct', { productId: `demo-${DEMO.cola500.sku}` });
    const started = await till.call('payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    expect(
      (await till.call('payment.trainingSwipe', { attemptId: started.attemptId, testCard: 'visa' })).outcome,
    ).toBe('approved');
    // a cart voided: goods in it, cleared
    await till.call('cart.addProduct', { productId: `demo-${DEMO.cola.sku}` });
    await till.call('cart.clear', {});
    hours.add(shanghaiHour());

    await openReports();
    expect(
      await tid('report-chart').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart'))),
    ).toEqual(['hourly', 'tenders', 'cashiers', 'differences']);
    // One bar with a figure: the hour that sold (¥9.50), labelled in money, under its title.
    expect(hours).toContain(Number(await cell('hourly').getAttribute('data-points')));
    await poll(() => drawn('hourly')).toContain('Sales by hour');
    expect(await drawn('hourly')).toContain('CN¥9.50');
    // The tender slices: cash and the Visa card.
    expect(await cell('tenders').getAttribute('data-points')).toBe('cash:,card:visa');
    await poll(() => drawn('tenders')).toContain('Tender mix');
    expect(await drawn('tenders')).toMatch(/Cash.*CN¥6\.00/);
    expect(await drawn('tenders')).toContain('Card · Visa');
    // Training: nobody signed in voided one cart.
    expect(await cell('cashiers').getAttribute('data-points')).toBe('nobody');
    await poll(() => drawn('cashiers')).toContain('Refunds and voids by cashier');
    expect(await drawn('cashiers')).toContain('Nobody signed in');
    expect(await drawn('cashiers')).toContain('Carts voided');
    // The day's settlement was never fetched: said, not drawn empty.
    const today = shanghaiDate();
    expect(await cell('differences').getAttribute('data-points')).toBe('');
    await poll(() =>
      cell('differences').locator('[data-testid="report-chart-empty"]').textContent(),
    ).toContain(`Not reconciled yet: ${today}`);

    // A settlement that knows a charge the till does not and misses the card sale: two differences.
    const csv = [
      'businessDate,terminalId,kind,id,reference,status,amountMinor,refundedMinor,brandOrScheme,at,feeMinor',
      `${today},T01,card,pay_unknown_1,ref-unknown-1,approved,999,0,unionpay,${new Date().toISOString()},0`,
      'count,approvedMinor,refundedMinor,netMinor',
      '1,999,0,999',
      '',
    ].join('\n');
    await till.call('recon.import', {
      day: today,
      fileName: 'settlement.csv',
      bytes: Buffer.from(csv).toString('base64'),
      format: 'gateway-csv',
      approval: { operatorCode: MANAGER.code, pin: MANAGER.pin },
    });
    await page.locator('[data-testid="reports-tab"][data-tab="x"]').click();
    await poll(() => cell('differences').getAttribute('data-points')).toBe(
      'charged_no_sale=1,sale_no_charge=1',
    );
    await poll(() => drawn('differences')).toContain('Settlement differences by class');
    expect(await drawn('differences')).toContain('Charged, no sale');
    expect(await drawn('differences')).toContain('Sale, not settled');

    // 中文: every chart drawn again in Chinese.
    await page.keyboard.press('Escape');
    await tid('reports-screen').waitFor({ state: 'detached' });
    await tid('locale-switch').click();
    await poll(() => page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await openReports();
    await poll(() => drawn('hourly')).toContain('分时销售');
    expect(await drawn('hourly')).toContain('¥9.50');
    expect(await drawn('hourly')).toMatch(/\d\d时/);
    await poll(() => drawn('tenders')).toContain('支付方式构成');
    expect(await drawn('tenders')).toContain('现金');
    expect(await drawn('tenders')).toContain('银行卡·Visa');
    await poll(() => drawn('cashiers')).toContain('按收银员的退货与作废');
    expect(await drawn('cashiers')).toContain('未登录');
    expect(await drawn('cashiers')).toContain('整单作废');
    await poll(() => drawn('differences')).toContain('按类别的对账差异');
    expect(await drawn('differences')).toContain('已扣款无销售');
    expect(await drawn('differences')).toContain('有销售未结算');
  });
});
