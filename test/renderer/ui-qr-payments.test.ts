// QR payments in Chromium against the real till and a sandbox gateway: a payment code scanned into a focused
// field opens the QR payment, "confirm on the phone" while the customer is paying, then the sale; with the
// gateway gone, a typed code is refused as online only and cash is taken instead.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useSuiteGateway } from '../support/gateway-suite';
import { useUiPage } from '../support/ui-page';
import { FAST_PAYMENTS } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

describe.skipIf(!hasChromium)('QR payments in Chromium', () => {
  // The customer confirms on the phone at the gateway's third look (about a second with 300 ms polls).
  const gw = useSuiteGateway({ confirmAfterQueries: 3, confirmAfterMs: 60_000 });
  const ui = useUiPage(() => ({
    gateway: gw,
    paymentTuning: { ...FAST_PAYMENTS, qr: { pollEveryMs: 300, maxPolls: 20 } },
  }));
  const { tid, poll, calls, scan } = ui;

  /** A cola with ¥0.48 off: ¥3.02, an amount the sandbox wallet answers "user paying" for (qr-rules.ts). */
  const userPayingCart = async () => {
    await scan(DEMO.cola500.barcode);
    await poll(() => tid('cart-line').count()).toBe(1);
    await ui.till.call('cart.setOrderDiscount', { discount: { kind: 'amount', minor: 48 } });
    await poll(() => tid('total-due').getAttribute('data-minor')).toBe('302');
    return ui.till.call('cart.get', {});
  };

  it('a scanned payment code opens the QR payment; "confirm on the phone" while user_paying; then the sale', async () => {
    const { page } = ui;
    await poll(() => tid('status-gateway').getAttribute('data-state')).toBe('online');
    const cart = await userPayingCart();
    await tid('search-box').click();
    await scan('134567890123456789'); // a WeChat Pay code, into a focused field
    await tid('qr-dialog').waitFor();
    await poll(() => tid('payment-waiting').getAttribute('data-state')).toBe('user_paying');
    expect(await tid('payment-waiting').textContent()).toContain('手机上确认');
    await page.keyboard.press('Escape'); // cannot walk away from a payment in progress
    expect(await tid('qr-dialog').count()).toBe(1);
    await tid('sale-complete').waitFor();
    expect(await tid('complete-tender').getAttribute('data-kind')).toBe('qr');
    expect(await tid('complete-tender').textContent()).toContain('微信支付');
    expect(calls('payment.startQr')).toEqual([
      { cartId: cart.cartId, cartVersion: cart.version, code: '134567890123456789' },
    ]);
    expect(calls('cart.scan')).toHaveLength(2); // the cola, and the code main recognised
    expect(await page.locator('body').innerText()).not.toContain('134567890123456789');
    expect(await tid('toast').count()).toBe(0);
  });

  it('QR offline: Shift+F11, a typed code, refused as online only; F12 takes cash instead', async () => {
    const { page } = ui;
    await gw.down();
    await poll(() => tid('status-gateway').getAttribute('data-state')).toBe('offline');
    await scan(DEMO.cola500.barcode);
    await poll(() => tid('cart-line').count()).toBe(1);
    await page.keyboard.press('Shift+F11');
    await tid('qr-code').waitFor();
    await page.keyboard.type('281234567890123456', { delay: 80 });
    await page.keyboard.press('Enter');
    await poll(() => tid('payment-refused').getAttribute('data-code')).toBe('ONLINE_ONLY');
    await page.keyboard.press('F12');
    await tid('tender-dialog').waitFor();
  });
});
