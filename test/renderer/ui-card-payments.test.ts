// Card payments in Chromium against the real till and a sandbox gateway it is configured for (test/support/
// till-gateway.ts): the training test cards, a decline, an answer the gateway committed but never sent (outcome
// unknown, settled by "check now"), the gateway gone (contact first, stored offline), the offline cap and a
// manager's override, a keyboard-wedge swipe, and Esc on a card payment waiting for the card.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { TRAINING_CARDS } from '../../main/payments/card/training-cards';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useSuiteGateway } from '../support/gateway-suite';
import { useUiPage } from '../support/ui-page';
import { FAST_PAYMENTS, startUiTill } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

// A card that expires in 2030 (the sandbox declines an expired one).
const TRACK1 = '%B4111111111111111^DOE/JOHN^30121010000000000000?';
const TRACK2 = ';4111111111111111=30121010000000000000?';
const last4 = (card: keyof typeof TRAINING_CARDS) => TRAINING_CARDS[card].pan.slice(-4);

describe.skipIf(!hasChromium)('card payments in Chromium', () => {
  const gw = useSuiteGateway();
  const ui = useUiPage((name) => ({
    gateway: gw,
    paymentTuning: FAST_PAYMENTS,
    // ¥10.00 a payment offline, for the test of the cap
    ...(name.startsWith('offline limit') ? { config: { offlinePolicy: { perPaymentCapMinor: 1000 } } } : {}),
    // typed swipes are taken only from a configured keyboard-wedge reader (issue 12)
    ...(name.startsWith('a wedge swipe')
      ? { config: { cardReader: { kind: 'keyboard-wedge' as const } } }
      : {}),
  }));
  const { tid, poll, calls, scan, focusedTestId } = ui;

  /** `n` bottles of cola (¥3.50 each) in the cart; answers the cart. */
  const cola = async (n = 1) => {
    for (let i = 0; i < n; i++) await scan(DEMO.cola500.barcode);
    await poll(() => tid('cart-line').getAttribute('data-qty-milli')).toBe(String(n * 1000));
    return ui.till.call('cart.get', {});
  };
  const online = () => poll(() => tid('status-gateway').getAttribute('data-state')).toBe('online');
  const goOffline = async () => {
    await gw.down();
    await poll(() => tid('status-gateway').getAttribute('data-state')).toBe('offline');
  };
  const attemptOf = async () => (await ui.till.call('sale.last', {}))?.tenders[0]?.reference;

  it('card in training: Shift+F12, the visa test card, approved: brand, ****last4 and auth code', async () => {
    const { page } = ui;
    ui.till.printer.disconnected = true; // the on-screen receipt, not the printed image
    await online();
    const cart = await cola();
    await page.keyboard.press('Shift+F12');
    await tid('card-dialog').waitFor();
    await tid('card-swipe-prompt').waitFor();
    expect(await tid('card-amount').getAttribute('data-minor')).toBe('350');
    expect(await tid('card-swipe-prompt').getAttribute('data-mode')).toBe('online');
    expect(await tid('card-offline-note').count()).toBe(0);
    expect(await tid('test-card').count()).toBe(Object.keys(TRAINING_CARDS).length + 1); // and a bad read
    expect(calls('payment.startCard')).toEqual([{ cartId: cart.cartId, cartVersion: cart.version }]);

    await tid('test-card').and(page.locator('[data-card="visa"]')).click();
    await tid('sale-complete').waitFor();
    const sale = await ui.till.call('sale.last', {});
    const tender = sale?.tenders[0];
    expect(tender?.authCode).toMatch(/\w+/);
    expect(await tid('card-dialog').count()).toBe(0);
    expect(await tid('complete-tender').getAttribute('data-kind')).toBe('card');
    expect(await tid('complete-tender').getAttribute('data-stored')).toBe('false');
    expect(await tid('complete-tender').textContent()).toContain(`VISA ****${last4('visa')}`);
    expect(await tid('complete-tender').textContent()).toContain(tender?.authCode);
    expect(await tid('receipt-tender').textContent()).toContain(`****${last4('visa')}`);
    expect(await tid('complete-change').count()).toBe(0);
    expect(calls('payment.trainingSwipe')).toEqual([{ attemptId: tender?.reference, testCard: 'visa' }]);
    await page.keyboard.press('Enter');
    await tid('cart-empty').waitFor();
  });

  it('card declined: the gateway’s message, the cart unlocked, then cash completes the sale', async () => {
    const { page } = ui;
    await online();
    await tid('locale-switch').click();
    const cart = await cola();
    await tid('card-button').click();
    await tid('card-swipe-prompt').waitFor();
    await tid('test-card').and(page.locator('[data-card="decline"]')).click();
    await tid('payment-declined').waitFor();
    expect(await tid('payment-declined').textContent()).toContain('do not honour');
    expect(await tid('payment-declined').textContent()).toContain('Nothing was charged');
    await page.keyboard.press('F12'); // cash instead
    await tid('tender-dialog').waitFor();
    await page.keyboard.press('Enter');
    await tid('sale-complete').waitFor();
    expect(await tid('complete-change').getAttribute('data-minor')).toBe('0');
    expect(calls('sale.tenderCash')).toEqual([
      { cartId: cart.cartId, cartVersion: cart.version, tenderedMinor: 350 },
    ]);
  });

  it('card outcome unknown: "do NOT take payment again", no cash offered, check now finds it approved', async () => {
    const { page } = ui;
    await online();
    await cola();
    // The gateway approves and commits, then never answers: the till cannot know.
    gw.current()?.setFaults([{ route: 'authorize', kind: 'drop-response', times: 1 }]);
    await page.keyboard.press('Shift+F12');
    await tid('test-card').first().waitFor();
    await tid('test-card').and(page.locator('[data-card="unionpay"]')).click();
    await tid('payment-unknown').waitFor();
    expect(await tid('payment-unknown').textContent()).toContain('请勿重复收款');
    expect(await tid('payment-cash').count()).toBe(0); // no second way to take it
    await page.keyboard.press('Enter'); // "check now" has focus
    await tid('sale-complete').waitFor();
    expect(calls('payment.resolve')).toEqual([{ attemptId: await attemptOf() }]);
    expect(await tid('complete-tender').textContent()).toContain(`****${last4('unionpay')}`);
  });

  it('gateway offline: the contact is asked first, the payment is stored, and the sale says so', async () => {
    const { page } = ui;
    ui.till.printer.disconnected = true; // the on-screen receipt, not the printed image
    await online();
    await goOffline();
    const cart = await cola();
    await page.keyboard.press('Shift+F12');
    await tid('card-contact').waitFor();
    expect(await focusedTestId()).toBe('card-contact');
    await tid('card-offline-note').waitFor();
    await page.keyboard.press('Enter'); // empty: refused here, no call
    await tid('dialog-error').waitFor();
    expect(calls('payment.startCard')).toEqual([]);
    await page.keyboard.type('13800138000', { delay: 80 }); // a person: slower than a scanner
    await page.keyboard.press('Enter');
    await tid('card-swipe-prompt').waitFor();
    // main decides an attempt's mode at the swipe: until then the dialog's offline note says it
    expect(await tid('card-offline-note').count()).toBe(1);
    expect(calls('payment.startCard')).toEqual([
      { cartId: cart.cartId, cartVersion: cart.version, customerContact: '13800138000' },
    ]);
    await tid('test-card').and(page.locator('[data-card="mastercard"]')).click();
    await tid('sale-complete').waitFor();
    expect(await tid('complete-tender').getAttribute('data-stored')).toBe('true');
    await tid('complete-stored').waitFor();
    expect(await tid('receipt-tender').getAttribute('data-stored')).toBe('true');
  });

  it('offline limit, overridable: which limit, then a manager override starts it again and it is stored', async () => {
    const { page } = ui;
    await online();
    await goOffline();
    await tid('locale-switch').click();
    const cart = await cola(4); // ¥14.00, over this till's ¥10.00 offline cap
    await page.keyboard.press('Shift+F12');
    await tid('card-contact').fill('a@b.cn');
    await page.keyboard.press('Enter');
    await tid('test-card').first().waitFor();
    await tid('test-card').and(page.locator('[data-card="visa"]')).click();
    await poll(() => tid('payment-refused').getAttribute('data-code')).toBe('OFFLINE_LIMIT');
    expect(await tid('payment-refused').textContent()).toContain('10.00 CNY each');
    expect(await tid('payment-refused').textContent()).toContain('manager');
    await page.keyboard.press('Enter'); // the override button has focus
    await tid('approval-hint').waitFor();
    await ui.approveAs('900', '9999'); // wrong PIN: the approval stays open
    await poll(() => tid('approval-error').getAttribute('data-code')).toBe('APPROVAL_DENIED');
    await tid('approval-pin').fill('1234');
    await page.keyboard.press('Enter');
    await tid('card-swipe-prompt').waitFor();
    expect(calls('payment.startCard').at(-1)).toEqual({
      cartId: cart.cartId,
      cartVersion: cart.version,
      customerContact: 'a@b.cn',
      override: { operatorCode: '900', pin: '1234' },
    });
    await tid('test-card').and(page.locator('[data-card="visa"]')).click();
    await tid('sale-complete').waitFor();
    await tid('complete-stored').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('1234');
  });

  it('a keyboard-wedge card reader is flagged in the status bar as widening PCI scope', async () => {
    const { page } = ui;
    expect(await tid('status-card-reader').count()).toBe(0);
    // The same shop with a wedge reader configured (config.json cardReader), opened in the same page.
    const wedge = await startUiTill({ gateway: gw, config: { cardReader: { kind: 'keyboard-wedge' } } });
    try {
      await page.goto(wedge.url);
      await tid('status-card-reader').waitFor();
      expect(await tid('status-card-reader').getAttribute('data-pci')).toBe('wider');
      expect(await tid('status-card-reader').getAttribute('title')).toContain('PCI DSS');
    } finally {
      await wedge.close();
    }
  });

  it('a wedge swipe in the card dialog goes whole to payment.wedgeSwipe and nowhere else', async () => {
    const { page } = ui;
    await online();
    await cola();
    await page.keyboard.press('Shift+F12');
    await tid('card-swipe-prompt').waitFor();
    await ui.burst([...TRACK1, 'Enter', ...TRACK2, 'Enter']);
    await tid('sale-complete').waitFor();
    expect(calls('payment.wedgeSwipe')).toEqual([{ attemptId: await attemptOf(), tracks: TRACK1 + TRACK2 }]);
    expect(await tid('complete-tender').textContent()).toContain('****1111');
    // Every input's current value, as the page sees it (the test runs in Node, without DOM types).
    const inputs = (await page.evaluate(
      "[...document.querySelectorAll('input')].map((e) => e.value)",
    )) as string[];
    expect(inputs.join('|')).not.toContain('4111');
    expect(await page.content()).not.toContain('4111111111111111');
    expect(await page.content()).not.toContain('DOE/JOHN');
    expect(calls('cart.scan')).toHaveLength(1); // the cola only
    expect(await tid('toast').count()).toBe(0);
  });

  it('Esc cancels a card payment waiting for the card, and the cart is unlocked', async () => {
    const { page } = ui;
    await online();
    await cola();
    await page.keyboard.press('Shift+F12');
    await tid('card-swipe-prompt').waitFor();
    await page.keyboard.press('Escape');
    await poll(() => tid('card-dialog').count()).toBe(0);
    const [started] = ui.till.answers('payment.startCard');
    expect(calls('payment.cancel')).toEqual([
      { attemptId: started?.ok ? (started.value as { attemptId: string }).attemptId : '?' },
    ]);
    await page.keyboard.press('F12');
    await tid('tender-dialog').waitFor();
    await page.keyboard.press('Enter');
    await tid('sale-complete').waitFor();
  });
});
