// The status bar's offline payments and the payment alerts screen (Shift+F1) in Chromium against the real till
// and a sandbox gateway. Every row is made the way a shop gets it: payments stored while the gateway was gone
// (on a clock set back, so some are old or past their deadline), one declined when forwarded, one whose answer
// the gateway never sent; refunds whose answer was lost, kept unknown while the gateway's look-ups fail.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RefundView, SaleView } from '../../main/api/contract';
import { DEMO } from '../../main/catalog/demo';
import type { FaultRule } from '../../main/gateway/sandbox/faults';
import { createGatewayClient } from '../../main/gateway/client';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useSuiteGateway } from '../support/gateway-suite';
import { useUiPage } from '../support/ui-page';
import { FAST_PAYMENTS } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

const HOUR = 3_600_000;
const MANAGER = { operatorCode: '900', pin: '1234' };
const SECRET = Buffer.alloc(32, 7); // test/support/gateway-suite.ts gives the till this terminal secret
let at: number | null = null;
const clock = (): Date => new Date(at ?? Date.now());

describe.skipIf(!hasChromium)('payment alerts in Chromium', () => {
  const gw = useSuiteGateway();
  const ui = useUiPage(() => ({
    gateway: gw,
    clock,
    // Back online soon after the gateway is; a failed look-up between good heartbeats does not open it.
    paymentTuning: { ...FAST_PAYMENTS, breaker: { threshold: 3, baseCooldownMs: 200, maxCooldownMs: 1_000 } },
    config: { offlinePolicy: { forwardDeadlineHours: 9 } },
  }));
  const { tid, poll, calls } = ui;
  beforeEach(() => {
    rules = [];
  });

  /** A cola (less `offMinor`) in the cart; answers the cart. */
  const colaCart = async (offMinor = 0) => {
    const cart = await ui.till.call('cart.addProduct', { productId: `demo-${DEMO.cola500.sku}` });
    if (offMinor === 0) return cart;
    return ui.till.call('cart.setOrderDiscount', { discount: { kind: 'amount', minor: offMinor } });
  };
  /** A card payment of the cart in the till's current state (stored when offline); answers its result. */
  const payByCard = async (testCard: 'visa' | 'unionpay' | 'mastercard', offMinor = 0) => {
    const cart = await colaCart(offMinor);
    const started = await ui.till.call('payment.startCard', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      customerContact: '13800138000',
    });
    return ui.till.call('payment.trainingSwipe', { attemptId: started.attemptId, testCard });
  };
  /** Stored `agoMs` before now, by the till's clock. */
  const storedAgo = async (agoMs: number, card: 'visa' | 'mastercard' = 'mastercard', offMinor = 0) => {
    at = Date.now() - agoMs;
    try {
      const r = await payByCard(card, offMinor);
      expect(r.outcome).toBe('stored');
      return r;
    } finally {
      at = null;
    }
  };
  const offline = async () => {
    await gw.down();
    await poll(async () => (await ui.till.call('status.get', {})).gateway.state).toBe('offline');
  };
  const online = async () => {
    await gw.up();
    await poll(async () => (await ui.till.call('status.get', {})).gateway.state).toBe('online');
  };
  /** The gateway's fault rules (kept here: the sandbox sets, never lists them). */
  let rules: FaultRule[] = [];
  const faults = (...next: FaultRule[]) => {
    rules = next;
    gw.current()?.setFaults(rules);
  };
  const addFault = (rule: FaultRule) => faults(...rules, rule);
  const recovery = async () => (await ui.till.call('payment.recovery', {})).map((p) => p.state).sort();
  /** Answers main's results for the gateway look-ups with 503 (until faults are cleared): unknowns stay so. */
  const lookupsFail = () =>
    faults(
      { route: 'lookupPayment', kind: 'status', status: 503 },
      { route: 'lookupRefund', kind: 'status', status: 503 },
    );

  /** expired (stored past its deadline), forward_declined (…51: insufficient funds), unknown (no answer). */
  const threeAlerts = async () => {
    await offline();
    await storedAgo(10 * HOUR); // its 9 h are over: expired at the next sweep
    await poll(recovery).toEqual(['expired']);
    await storedAgo(60_000, 'visa', 99); // ¥2.51
    await online(); // forwarded: declined
    await poll(recovery).toEqual(['expired', 'forward_declined']);
    lookupsFail();
    addFault({ route: 'authorize', kind: 'drop-response', times: 1 });
    const unknown = await payByCard('visa');
    expect(unknown.outcome).toBe('unknown');
    return unknown.payment.attemptId;
  };

  /** A card sale (2 toothpastes, visa) and a QR one (the same, WeChat Pay), made online. */
  const twoSales = async (): Promise<{ card: SaleView; qr: SaleView }> => {
    const two = () =>
      ui.till.call('cart.addProduct', { productId: `demo-${DEMO.toothpaste.sku}`, qtyMilli: 2000 });
    let cart = await two();
    const a = await ui.till.call('payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const card = (await ui.till.call('payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' }))
      .sale;
    cart = await two();
    const qr = (
      await ui.till.call('payment.startQr', {
        cartId: cart.cartId,
        cartVersion: cart.version,
        code: '134567890123456789',
      })
    ).sale;
    if (!card || !qr) throw new Error('the two sales were not made');
    return { card, qr };
  };
  /** A refund of everything on `sale` whose answer the gateway never sent: unknown; answers its id. */
  const unknownRefund = async (sale: SaleView): Promise<string> => {
    addFault({
      route: sale.tenders[0]?.kind === 'qr' ? 'refundQr' : 'refund',
      kind: 'drop-response',
      times: 1,
    });
    const refundId = randomUUID();
    const r = await ui.till.dispatch('refund.issue', {
      refundId,
      saleId: sale.saleId,
      lines: [{ lineNo: 1, qtyMilli: 2000 }],
      reason: 'wrong_item',
      approval: MANAGER,
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('REFUND_UNKNOWN');
    return refundId;
  };
  /** What the till says of a refund now. */
  const refundNo = async (refundId: string): Promise<RefundView> => ui.till.call('refund.get', { refundId });

  it('status bar: offline payments with age and time left (red under 2 h), and the alerts badge', async () => {
    const { page } = ui;
    await offline();
    await storedAgo(10 * HOUR); // two past their deadline: a manager must see them
    await storedAgo(10 * HOUR);
    await poll(recovery).toEqual(['expired', 'expired']);
    await storedAgo(5 * HOUR + 39 * 60_000 + 30_000); // 9 h to forward: 3 h 20 m left
    await storedAgo(HOUR);
    await storedAgo(HOUR);
    await tid('locale-switch').click();
    await poll(() => tid('status-payments').textContent()).toContain('3 offline payments');
    const text = await tid('status-payments').textContent();
    expect(text).toContain('¥10.50');
    expect(text).toContain('oldest 5h ago');
    expect(text).toContain('send within 3h 20m');
    expect(await tid('status-payments').getAttribute('data-urgent')).toBe('false');
    expect(await tid('status-gateway').textContent()).toContain('offline');
    await storedAgo(7 * HOUR + 29 * 60_000 + 30_000); // 1 h 30 m left
    await poll(() => tid('status-payments').getAttribute('data-urgent')).toBe('true');
    expect(await tid('status-payments').textContent()).toContain('send within 1h 30m');
    expect(await tid('status-alerts').getAttribute('data-count')).toBe('2');
    const fits = 'document.documentElement.scrollWidth <= innerWidth';
    expect(await page.evaluate(fits)).toBe(true);
    await tid('status-alerts').click();
    await tid('recovery-screen').waitFor();
  });

  it('Shift+F1 lists them; check now; acknowledge with a manager approval', async () => {
    const { page } = ui;
    const unknown = await threeAlerts();
    await page.keyboard.press('Shift+F1');
    await tid('recovery-screen').waitFor();
    await poll(() => tid('recovery-row').count()).toBe(3);
    const states = await tid('recovery-row').evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-state')),
    );
    expect(states).toEqual(['expired', 'forward_declined', 'unknown']); // oldest first
    expect(await tid('recovery-row').nth(1).textContent()).toContain('VISA ****0010');
    expect(await tid('recovery-row').nth(1).textContent()).toContain('insufficient funds');

    faults(); // the gateway answers look-ups again
    await tid('recovery-check').click();
    await poll(() => tid('recovery-row').count()).toBe(2);
    expect(calls('payment.resolve')).toEqual([{ attemptId: unknown }]);
    await poll(() => tid('toast').last().getAttribute('data-key')).toBe('recovery.checked');

    await page.keyboard.press('F7'); // the selected (first) row: the expired payment
    const expired = (await ui.till.call('payment.recovery', {}))[0]?.attemptId;
    await ui.approveAs('900', '1234');
    await poll(() => tid('recovery-row').count()).toBe(1);
    expect(calls('payment.acknowledge')).toEqual([{ attemptId: expired, approval: MANAGER }]);
    expect(await tid('recovery-row').getAttribute('data-state')).toBe('forward_declined');
    await page.keyboard.press('Escape');
    expect(await tid('recovery-screen').count()).toBe(0);
  });

  it('an unknown card refund is listed under the payments; check now completes it', async () => {
    const { card } = await twoSales();
    lookupsFail();
    const refundId = await unknownRefund(card);
    const refund = await refundNo(refundId);
    await tid('locale-switch').click();
    await poll(() => tid('status-alerts').getAttribute('data-count')).toBe('1');
    await tid('status-alerts').click();
    await tid('recovery-screen').waitFor();
    await poll(() => tid('alerts-refund-row').count()).toBe(1);
    expect(await tid('recovery-row').count()).toBe(0);
    expect(await tid('recovery-empty').count()).toBe(0);
    expect(await tid('alerts-refunds').textContent()).toContain('Refunds being checked');
    const row = tid('alerts-refund-row');
    expect(await row.getAttribute('data-refund-id')).toBe(refundId);
    expect(await row.getAttribute('data-state')).toBe('unknown');
    expect(await row.getAttribute('data-minor')).toBe('2500');
    const text = await row.textContent();
    expect(text).toContain(refund.refundNo);
    expect(text).toContain(card.receiptNo);
    expect(text).toContain('25.00');
    expect(text).toContain('VISA ••••0010');
    expect(text).toContain('do NOT refund again');
    expect(calls('refund.resolve')).toEqual([]);

    faults();
    await tid('alerts-refund-check').click();
    await poll(() => tid('alerts-refund-row').count()).toBe(0);
    expect(calls('refund.resolve')).toEqual([{ refundId }]);
    await poll(() => tid('toast').last().getAttribute('data-key')).toBe('recovery.refundCompleted');
    expect(await tid('toast').last().textContent()).toContain(`Refund ${refund.refundNo} completed`);
    expect(await tid('alerts-refunds').count()).toBe(0);
    await tid('recovery-empty').waitFor(); // neither payments nor refunds are left
  });

  it('refunds follow the payments; F5 checks a selected refund; a refusal and no answer say so', async () => {
    const { page } = ui;
    const { card, qr } = await twoSales();
    lookupsFail();
    const cardRefund = await unknownRefund(card);
    // The QR order was already paid back elsewhere: the gateway refuses this refund, and the answer is lost.
    const order = gw.current()?.ledger.qrOrders('T01').at(-1);
    const other = createGatewayClient({
      baseUrl: `http://127.0.0.1:${gw.current()?.port ?? 0}`,
      credentials: { terminalId: 'T01', secret: SECRET },
      now: () => new Date(),
    });
    const elsewhere = await other.refundQr(
      order?.reference ?? '?',
      { reference: `other-${randomUUID()}`, amountMinor: 2500, reason: 'refunded at the counter' },
      randomUUID(),
    );
    other.close();
    expect(elsewhere.kind).toBe('ok');
    const qrRefund = await unknownRefund(qr);
    await threeAlerts();

    await tid('locale-switch').click();
    await page.keyboard.press('Shift+F1');
    await tid('recovery-screen').waitFor();
    await poll(() => tid('alerts-refund-row').count()).toBe(2);
    await poll(() => tid('recovery-row').count()).toBe(3);
    const order2 = await page
      .locator('[data-testid="recovery-row"], [data-testid="alerts-refund-row"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(order2).toEqual([
      'recovery-row',
      'recovery-row',
      'recovery-row',
      'alerts-refund-row',
      'alerts-refund-row',
    ]);
    const qrRow = page.locator(`[data-testid="alerts-refund-row"][data-refund-id="${qrRefund}"]`);
    expect(await qrRow.textContent()).toContain('WeChat Pay');
    const qrIndex =
      (await tid('alerts-refund-row').nth(0).getAttribute('data-refund-id')) === qrRefund ? 0 : 1;

    for (let i = 0; i < 3 + qrIndex; i++) await page.keyboard.press('ArrowDown'); // past the 3 payments
    await poll(() => qrRow.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('F5'); // the look-up still gets no answer
    await poll(() => tid('toast').last().getAttribute('data-key')).toBe('recovery.refundStillUnknown');
    expect(calls('refund.resolve')).toEqual([{ refundId: qrRefund }]);
    expect(calls('payment.resolve')).toEqual([]);
    expect(await tid('alerts-refund-row').count()).toBe(2);

    faults({ route: 'lookupPayment', kind: 'status', status: 503 });
    await page.keyboard.press('F5'); // now it answers: the gateway refused that refund
    await poll(() => tid('alerts-refund-row').count()).toBe(1);
    expect(calls('refund.resolve')).toEqual([{ refundId: qrRefund }, { refundId: qrRefund }]);
    await poll(() => tid('toast').last().getAttribute('data-key')).toBe('recovery.refundFailed');
    expect(await tid('toast').last().textContent()).toContain('Nothing was paid back');
    expect(await tid('alerts-refund-row').getAttribute('data-refund-id')).toBe(cardRefund);
    expect(await tid('recovery-row').count()).toBe(3);
  });

  it('with no payments and no open refunds, "nothing needs attention"', async () => {
    await tid('locale-switch').click();
    await ui.page.keyboard.press('Shift+F1');
    await tid('recovery-screen').waitFor();
    await poll(() => tid('recovery-empty').textContent()).toBe('Nothing needs attention.');
    // both lists are read each time the screen loads or refreshes
    const opened = calls('refund.open').length;
    expect(opened).toBeGreaterThan(0);
    expect(opened).toBe(calls('payment.recovery').length);
    expect(await tid('alerts-refunds').count()).toBe(0);
  });
});
