// Refunds in Chromium against the real till (main/refunds) and a sandbox gateway: three sales made through the
// till (cash: 3 colas and 1.235 kg of apples; card: 2 toothpastes on the visa test card; QR: the same by WeChat
// Pay), then the refund dialog from the receipts screen: cash with approval, online-only while the gateway is
// gone, an answer the gateway never sent (unknown, then check now), a QR refund the gateway refuses, and a
// wrong PIN and a lost answer retried under the same refund id.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SaleView } from '../../main/api/contract';
import { DEMO } from '../../main/catalog/demo';
import { createGatewayClient } from '../../main/gateway/client';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useSuiteGateway } from '../support/gateway-suite';
import { useUiPage } from '../support/ui-page';
import { FAST_PAYMENTS } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SECRET = Buffer.alloc(32, 7); // test/support/gateway-suite.ts gives the till this terminal secret

describe.skipIf(!hasChromium)('refunds in Chromium', () => {
  const gw = useSuiteGateway();
  const ui = useUiPage(() => ({ gateway: gw, paymentTuning: FAST_PAYMENTS }));
  const { tid, poll, calls, focusedTestId } = ui;
  const sales: Record<'cash' | 'card' | 'qr', SaleView | null> = { cash: null, card: null, qr: null };

  /** The three sales, made through the till (not the screen). */
  const seedSales = async () => {
    const { till } = ui;
    await till.call('cart.addProduct', { productId: `demo-${DEMO.cola500.sku}`, qtyMilli: 3000 });
    const cash = await till.call('cart.addProduct', { productId: `demo-${DEMO.apples.sku}`, qtyMilli: 1235 });
    sales.cash = await till.call('sale.tenderCash', {
      cartId: cash.cartId,
      cartVersion: cash.version,
      tenderedMinor: cash.totals.totalMinor,
    });
    const twoToothpastes = () =>
      till.call('cart.addProduct', { productId: `demo-${DEMO.toothpaste.sku}`, qtyMilli: 2000 });
    const card = await twoToothpastes();
    const attempt = await till.call('payment.startCard', { cartId: card.cartId, cartVersion: card.version });
    sales.card = (
      await till.call('payment.trainingSwipe', { attemptId: attempt.attemptId, testCard: 'visa' })
    ).sale;
    const qr = await twoToothpastes();
    const paid = await till.call('payment.startQr', {
      cartId: qr.cartId,
      cartVersion: qr.version,
      code: '134567890123456789',
    });
    sales.qr = paid.sale;
    expect([sales.card?.tenders[0]?.kind, sales.qr?.tenders[0]?.kind]).toEqual(['card', 'qr']);
  };
  /** The receipts screen, the sale selected (made now unless `seeded`), then its refund dialog (F9). */
  const openRefund = async (kind: 'cash' | 'card' | 'qr', seeded = false) => {
    if (!seeded) await seedSales();
    const saleId = sales[kind]?.saleId ?? '?';
    await ui.page.keyboard.press('Shift+F7');
    await tid('receipts-screen').waitFor();
    await ui.page.locator(`[data-testid="receipts-row"][data-sale-id="${saleId}"]`).click();
    await poll(() => tid('receipts-detail').getAttribute('data-sale-id')).toBe(saleId);
    await ui.page.keyboard.press('F9');
    await tid('refund-dialog').waitFor();
    await poll(() => tid('refund-line').count()).toBeGreaterThan(0);
  };
  const issued = () => calls('refund.issue') as { refundId: string; approval: object }[];

  it('cash, 2 of 3 units, a reason, manager approval; cash back, and the refund listed under the receipt', async () => {
    const { page } = ui;
    await openRefund('cash');
    expect(await tid('refund-receipt-no').textContent()).toBe(sales.cash?.receiptNo);
    expect(await tid('refund-tender').getAttribute('data-kind')).toBe('cash');
    expect(await tid('refund-tender').textContent()).toContain('现金');
    expect(calls('refund.prepare')).toEqual([{ saleId: sales.cash?.saleId }]);
    const cola = tid('refund-line').nth(0);
    expect(await cola.getAttribute('data-sold-milli')).toBe('3000');
    expect(await cola.getAttribute('data-remaining-milli')).toBe('3000');
    expect(await tid('refund-line').nth(1).getAttribute('data-unit')).toBe('kg');
    expect(await tid('refund-line').nth(1).textContent()).toContain('1.235 kg');
    // Nothing is chosen at first; the keyboard starts in the first quantity.
    expect(await tid('refund-total').getAttribute('data-minor')).toBe('0');
    expect(await tid('refund-confirm').isDisabled()).toBe(true);
    expect(await focusedTestId()).toBe('refund-qty');
    expect(await tid('refund-reason').count()).toBe(5);
    for (const b of await tid('refund-less').all())
      expect((await b.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);

    // "All" picks every remaining quantity (both lines); F5 does the same. Then back to 2 of the cola only.
    await tid('refund-all').click();
    await poll(() => tid('refund-total').getAttribute('data-minor')).toBe('2631'); // 10.50 + 15.81
    expect(await tid('refund-qty').nth(1).inputValue()).toBe('1.235');
    await tid('refund-qty').nth(1).fill('');
    await cola.locator('[data-testid="refund-less"]').click();
    await poll(() => cola.getAttribute('data-qty-milli')).toBe('2000');
    expect(await tid('refund-qty').nth(0).inputValue()).toBe('2');
    // round-half-up(10.50 x 2 / 3) = 7.00
    await poll(() => tid('refund-total').getAttribute('data-minor')).toBe('700');

    // Enter without a reason says so and sends nothing.
    await tid('refund-qty').nth(0).focus();
    await page.keyboard.press('Enter');
    await poll(() => tid('dialog-error').textContent()).toContain('原因');
    const defective = page.locator('[data-testid="refund-reason"][data-reason="defective"]');
    await defective.click();
    expect(await defective.getAttribute('aria-checked')).toBe('true');
    await tid('refund-confirm').click();
    await tid('approval-dialog').waitFor();
    expect(await tid('approval-dialog').textContent()).toContain(sales.cash?.receiptNo);
    expect(await tid('approval-dialog').textContent()).toContain('7.00');
    await ui.approveAs('900', '1234');

    await tid('refund-done').waitFor();
    expect(await tid('refund-done').getAttribute('data-minor')).toBe('700');
    expect(await tid('refund-done').getAttribute('data-kind')).toBe('cash');
    const first = await tid('refund-done').getAttribute('data-refund-no');
    expect(first).toMatch(/^T01-R\d+$/);
    expect(await tid('refund-done').textContent()).toContain('退还现金');
    expect(issued()).toEqual([
      {
        refundId: expect.stringMatching(UUID) as unknown,
        saleId: sales.cash?.saleId,
        lines: [{ lineNo: 1, qtyMilli: 2000 }],
        reason: 'defective',
        approval: { operatorCode: '900', pin: '1234' },
      },
    ]);

    await page.keyboard.press('Enter'); // done: close
    await poll(() => tid('refund-dialog').count()).toBe(0);
    await tid('receipts-refunds').waitFor();
    const row = tid('receipts-refunds').locator('[data-testid="refund-row"]');
    expect(await row.getAttribute('data-state')).toBe('completed');
    expect(await row.getAttribute('data-minor')).toBe('700');

    // Opened again: 2 refunded, 1 left, the earlier refund listed, and a new refund id.
    await page.keyboard.press('F9');
    await poll(() => tid('refund-line').nth(0).getAttribute('data-remaining-milli')).toBe('1000');
    expect(await tid('refund-line').nth(0).getAttribute('data-refunded-milli')).toBe('2000');
    expect(await tid('refund-earlier').locator('[data-testid="refund-row"]').count()).toBe(1);
    await tid('refund-all').click();
    await page.locator('[data-testid="refund-reason"][data-reason="other"]').click();
    await page.keyboard.press('Enter');
    await ui.approveAs('900', '1234');
    await tid('refund-done').waitFor();
    expect(await tid('refund-done').getAttribute('data-minor')).toBe('1931'); // what is left: 3.50 + 15.81
    const both = issued();
    expect(both).toHaveLength(2);
    expect(both[1]?.refundId).toMatch(UUID);
    expect(both[1]?.refundId).not.toBe(both[0]?.refundId);
  });

  it('a card sale while the gateway is offline says online only, and confirm is disabled', async () => {
    const { page } = ui;
    await tid('locale-switch').click();
    await seedSales();
    await gw.down();
    await poll(() => tid('status-gateway').getAttribute('data-state')).toBe('offline');
    await openRefund('card', true);
    await tid('refund-blocked').waitFor();
    expect(await tid('refund-blocked').getAttribute('data-code')).toBe('ONLINE_ONLY');
    const text = (await tid('refund-blocked').textContent()) ?? '';
    expect(text).toContain('offline');
    expect(text).toContain('online only');
    expect(text).toContain('nothing was refunded');
    expect(await tid('refund-tender').getAttribute('data-kind')).toBe('card');
    expect(await tid('refund-tender').textContent()).toContain('VISA ••••0010');
    expect(await tid('refund-confirm').isDisabled()).toBe(true);
    expect(await tid('refund-all').isDisabled()).toBe(true);
    expect(await tid('refund-qty').first().isDisabled()).toBe(true);
    await page.keyboard.press('F5'); // "All" does nothing either
    expect(await tid('refund-total').getAttribute('data-minor')).toBe('0');
    expect(await tid('refund-qty').first().inputValue()).toBe('');
    expect(await tid('approval-dialog').count()).toBe(0);
    expect(issued()).toEqual([]);
    await page.keyboard.press('Escape');
    await poll(() => tid('refund-dialog').count()).toBe(0);
    expect(await tid('receipts-screen').count()).toBe(1);
  });

  it('no answer from the gateway shows "outcome unknown" and check now calls refund.resolve', async () => {
    const { page } = ui;
    await tid('locale-switch').click();
    await openRefund('card');
    // The gateway refunds and commits, then never answers.
    gw.current()?.setFaults([{ route: 'refund', kind: 'drop-response', times: 1 }]);
    await page.keyboard.press('F5'); // All
    await poll(() => tid('refund-total').getAttribute('data-minor')).toBe('2500');
    await page.locator('[data-testid="refund-reason"][data-reason="wrong_item"]').click();
    await tid('refund-confirm').click();
    await ui.approveAs('900', '1234');
    await tid('refund-unknown').waitFor();
    expect(await tid('refund-unknown').textContent()).toContain('do NOT refund again');
    expect(await tid('refund-confirm').count()).toBe(0);
    const [sent] = issued();
    expect(await tid('refund-unknown').getAttribute('data-refund-id')).toBe(sent?.refundId);
    expect(calls('refund.resolve')).toEqual([]);

    await tid('refund-check').click();
    await tid('refund-done').waitFor();
    expect(calls('refund.resolve')).toEqual([{ refundId: sent?.refundId }]);
    expect(await tid('refund-done').getAttribute('data-kind')).toBe('card');
    expect(await tid('refund-done').textContent()).toContain('VISA ••••0010');
    expect(await tid('refund-done').textContent()).toContain('25.00');
    expect(issued()).toHaveLength(1); // never sent twice
  });

  it('a QR refund the gateway refuses shows its reason, and the dialog stays', async () => {
    const { page } = ui;
    await tid('locale-switch').click();
    await openRefund('qr');
    expect(await tid('refund-tender').getAttribute('data-kind')).toBe('qr');
    expect(await tid('refund-tender').textContent()).toContain('WeChat Pay');
    // Half the order was already paid back at the gateway by another channel (the terminal's own API).
    const order = gw.current()?.ledger.qrOrders('T01').at(-1);
    const other = createGatewayClient({
      baseUrl: `http://127.0.0.1:${gw.current()?.port ?? 0}`,
      credentials: { terminalId: 'T01', secret: SECRET },
      now: () => new Date(),
    });
    const elsewhere = await other.refundQr(
      order?.reference ?? '?',
      { reference: `other-${randomUUID()}`, amountMinor: 1250, reason: 'refunded at the counter' },
      randomUUID(),
    );
    other.close();
    expect(elsewhere.kind).toBe('ok');

    await tid('refund-all').click();
    await page.locator('[data-testid="refund-reason"][data-reason="price_error"]').focus();
    await page.keyboard.press('Enter'); // picks the reason and goes on to the approval
    await ui.approveAs('900', '1234');
    await poll(() => tid('refund-error').getAttribute('data-code')).toBe('REFUND_REFUSED');
    expect(await tid('refund-error').textContent()).toBe(
      'The payment gateway refused the refund: only 1250 of the order is left to refund. Nothing was paid back.',
    );
    expect(await tid('refund-dialog').count()).toBe(1);
    expect(await tid('refund-done').count()).toBe(0);
    expect(await tid('refund-qty').first().inputValue()).toBe('2');
    expect(calls('refund.issue')).toEqual([
      expect.objectContaining({
        saleId: sales.qr?.saleId,
        reason: 'price_error',
        lines: [{ lineNo: 1, qtyMilli: 2000 }],
      }),
    ]);
    // Trying again (what is left) is a NEW refund: the refused one is over.
    await tid('refund-line').nth(0).locator('[data-testid="refund-less"]').click();
    await tid('refund-confirm').click();
    await ui.approveAs('900', '1234');
    await tid('refund-done').waitFor();
    const sent = calls('refund.issue') as { refundId: string }[];
    expect(sent).toHaveLength(2);
    expect(sent[1]?.refundId).not.toBe(sent[0]?.refundId);
  });

  it('a wrong PIN and a lost answer are retried with the same refund id', async () => {
    const { page } = ui;
    await openRefund('cash');
    await tid('refund-line').nth(0).locator('[data-testid="refund-more"]').click();
    await page.locator('[data-testid="refund-reason"][data-reason="not_wanted"]').click();
    await tid('refund-confirm').click();
    await ui.approveAs('900', '9999');
    await poll(() => tid('approval-error').getAttribute('data-code')).toBe('APPROVAL_DENIED');
    expect(await focusedTestId()).toBe('approval-pin');

    ui.till.dropNext('refund.issue'); // main refunds; the answer never arrives
    await page.keyboard.type('1234', { delay: 60 });
    await page.keyboard.press('Enter');
    // The answer was lost: the dialog stays, says so, and keeps the choice.
    await poll(() => tid('refund-error').getAttribute('data-code')).toBe('INTERNAL');
    expect(await tid('approval-dialog').count()).toBe(0);
    expect(await tid('refund-qty').nth(0).inputValue()).toBe('1');

    await tid('refund-confirm').click();
    await ui.approveAs('900', '1234');
    await tid('refund-done').waitFor();
    expect(await tid('refund-done').getAttribute('data-minor')).toBe('350');
    const sent = issued();
    expect(sent.map((c) => c.approval)).toEqual([
      { operatorCode: '900', pin: '9999' },
      { operatorCode: '900', pin: '1234' },
      { operatorCode: '900', pin: '1234' },
    ]);
    expect(sent[0]?.refundId).toMatch(UUID);
    expect(new Set(sent.map((c) => c.refundId)).size).toBe(1);
    const prepared = await ui.till.call('refund.prepare', { saleId: sales.cash?.saleId ?? '?' });
    expect(prepared.refunds).toHaveLength(1); // one refund only
  });
});
