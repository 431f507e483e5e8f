// The cashier's sale screen in Chromium against the real till (test/support/ui-page.ts): it renders under its
// CSP from bootstrap, keyboard-wedge bursts become scans, search and weighed items, discounts, quantities and
// clearing from the keyboard, translated error toasts, zh-CN/en switching, and the layout at two sizes.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { DEFAULT_CONFIG } from '../../main/config/config';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useUiPage } from '../support/ui-page';

if (!hasChromium) console.warn(noChromiumMessage);

const TRACK1 = '%B4111111111111111^DOE/JOHN^25121010000000000000?';
const TRACK2 = ';4111111111111111=25121010000000000000?';
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!hasChromium)('sale screen in Chromium', () => {
  const ui = useUiPage();
  const { tid, poll, calls, scan, focusedTestId } = ui;

  it('renders the zh-CN screen from bootstrap, with training mode and device status', async () => {
    await expect(tid('store-name').textContent()).resolves.toBe(DEFAULT_CONFIG.store.name);
    await tid('training-badge').waitFor();
    expect(await tid('status-training').getAttribute('data-state')).toBe('training');
    // Training mode's embedded sandbox gateway (main/gateway/connection.ts).
    await poll(() => tid('status-gateway').getAttribute('data-state')).toBe('online');
    await poll(() => tid('status-printer').textContent()).toContain('就绪');
    expect(await tid('status-connection').getAttribute('data-state')).toBe('open');
    expect(await tid('total-due').getAttribute('data-minor')).toBe('0');
    await tid('cart-empty').waitFor();
    expect(await tid('tender-button').isDisabled()).toBe(true);
    expect(await ui.page.evaluate('document.documentElement.lang')).toBe('zh-CN');
  });

  it('a scanner burst adds a line with no field focused, and never lands in a focused search box', async () => {
    await scan(DEMO.cola500.barcode);
    await tid('cart-line').waitFor();
    expect(await tid('line-qty').textContent()).toBe('1');
    expect(await tid('total-due').getAttribute('data-minor')).toBe('350');
    expect(await tid('cart-line').getAttribute('data-selected')).toBe('true');

    await tid('search-box').click();
    await ui.page.keyboard.type('可'); // the cashier had started a search
    await scan(DEMO.cola500.barcode);
    await poll(() => tid('cart-line').getAttribute('data-qty-milli')).toBe('2000');
    expect(await tid('search-box').inputValue()).toBe('可');
    expect(await focusedTestId()).toBe('search-box');
    expect(calls('cart.scan')).toEqual([{ code: DEMO.cola500.barcode }, { code: DEMO.cola500.barcode }]);
  });

  it('typing in the search box searches; Enter adds; a kg item asks for its weight', async () => {
    const { page } = ui;
    await page.keyboard.press('F2');
    expect(await focusedTestId()).toBe('search-box');
    await page.keyboard.type('apples', { delay: 90 }); // a person, not a scanner
    await poll(() => tid('search-result').count()).toBe(1);
    await page.keyboard.press('Enter');
    await tid('quantity-dialog').waitFor();
    await page.keyboard.type('1.235', { delay: 60 });
    await page.keyboard.press('Enter');
    await tid('cart-line').waitFor();
    expect(await tid('line-qty').textContent()).toBe('1.235 kg');
    expect(await tid('total-due').getAttribute('data-minor')).toBe('1581'); // 12.80/kg x 1.235 kg
    expect(calls('cart.scan')).toEqual([]);
    expect(calls('cart.addProduct')).toEqual([{ productId: `demo-${DEMO.apples.sku}`, qtyMilli: 1235 }]);
  });

  it('switching language changes every label and is persisted through settings.setLocale', async () => {
    const { page } = ui;
    expect(await tid('tender-button').textContent()).toContain('现金收款');
    await tid('locale-switch').click();
    await poll(() => tid('tender-button').textContent()).toContain('Pay cash');
    await poll(() => tid('status-printer').textContent()).toContain('ready');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await tid('store-name').textContent()).toBe(DEFAULT_CONFIG.store.nameEn);
    await page.keyboard.press('F10');
    await poll(() => tid('tender-button').textContent()).toContain('现金收款');
    expect(calls('settings.setLocale')).toEqual([{ locale: 'en' }, { locale: 'zh-CN' }]);
  });

  it('a card swipe with no card payment open is dropped with a message, and never reaches a field or the screen', async () => {
    await tid('search-box').click();
    await ui.burst([...TRACK1, 'Enter', ...TRACK2, 'Enter']);
    await poll(() => tid('toast').getAttribute('data-key')).toBe('scan.cardNeedsDialog');
    expect(await tid('toast').count()).toBe(1);
    expect(await tid('toast').textContent()).toContain('Shift+F12');
    expect(await tid('search-box').inputValue()).toBe('');
    expect(calls('cart.scan')).toEqual([]);
    expect(calls('catalog.search')).toEqual([]);
    expect(calls('payment.wedgeSwipe')).toEqual([]);
    expect(await ui.page.content()).not.toContain('4111');
  });

  it('errors are translated, non-blocking toasts that leave focus where it was', async () => {
    const { page } = ui;
    await page.keyboard.press('F6');
    expect(await focusedTestId()).toBe('barcode-input');
    await page.keyboard.type('6901234567891', { delay: 60 }); // typed by hand, wrong check digit
    await page.keyboard.press('Enter');
    await tid('toast').waitFor();
    expect(await tid('toast').textContent()).toContain('6901234567891');
    expect(await tid('toast').textContent()).toContain('校验位');
    expect(await focusedTestId()).toBe('barcode-input');
    await page.keyboard.type('x');
    expect(await tid('barcode-input').inputValue()).toBe('6901234567891x');
  });

  it('line and order discounts, quantity, remove and clear, all from the keyboard', async () => {
    const { page } = ui;
    await scan(DEMO.cola500.barcode);
    await scan(DEMO.toothpaste.barcode);
    await poll(() => tid('cart-line').count()).toBe(2);
    await page.keyboard.press('ArrowUp'); // select the cola
    expect(await tid('cart-line').first().getAttribute('data-selected')).toBe('true');
    await page.keyboard.press('F3');
    await tid('quantity-dialog').waitFor();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await poll(() => tid('cart-line').first().getAttribute('data-qty-milli')).toBe('4000');

    await page.keyboard.press('F4');
    await tid('discount-dialog').waitFor();
    await page.keyboard.type('10%');
    await page.keyboard.press('Enter');
    await poll(() => tid('line-discount').first().textContent()).toContain('10%');
    expect(await tid('totals-line-discounts').getAttribute('data-minor')).toBe('140');

    await page.keyboard.press('F5');
    await tid('discount-dialog').waitFor();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await poll(() => tid('totals-order-discount').getAttribute('data-minor')).toBe('500');
    expect(await tid('total-due').getAttribute('data-minor')).toBe(String(1400 - 140 + 1250 - 500));

    await page.keyboard.press('Delete'); // removes the selected cola line
    await poll(() => tid('cart-line').count()).toBe(1);
    await page.keyboard.press('F9');
    await tid('clear-dialog').waitFor();
    await page.keyboard.press('Enter');
    await tid('cart-empty').waitFor();
  });

  it('F1 shows the shortcuts; Esc closes it and focus comes back', async () => {
    const { page } = ui;
    await page.keyboard.press('F2');
    await page.keyboard.press('F1');
    await tid('help-dialog').waitFor();
    expect(await tid('help-dialog').textContent()).toContain('F12');
    await page.keyboard.press('Escape');
    expect(await tid('help-dialog').count()).toBe(0);
    expect(await focusedTestId()).toBe('search-box');
  });

  const FOUR = [DEMO.cola, DEMO.cola500, DEMO.apples, DEMO.bread];
  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const) {
    it(`fits ${width}x${height} with a full cart: no page scroll, pay button and total on screen, 48 px targets`, async () => {
      const { page } = ui;
      await page.setViewportSize({ width, height });
      for (let i = 0; i < 14; i++) {
        const p = FOUR[i % 4];
        const qtyMilli = p?.unit === 'kg' ? 1000 + i : 1000;
        await ui.till.call('cart.addProduct', { productId: `demo-${p?.sku}`, qtyMilli });
      }
      await scan(DEMO.toothpaste.barcode);
      await poll(() => tid('cart-line').count()).toBeGreaterThan(3);
      const fits = await page.evaluate(
        'document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight',
      );
      expect(fits).toBe(true);
      for (const id of ['tender-button', 'total-due', 'search-box', 'status-bar', 'locale-switch']) {
        const box = await tid(id).boundingBox();
        expect(box, id).not.toBeNull();
        expect((box?.y ?? 0) + (box?.height ?? 0), id).toBeLessThanOrEqual(height);
        expect((box?.x ?? 0) + (box?.width ?? 0), id).toBeLessThanOrEqual(width);
      }
      for (const id of ['tender-button', 'action-quantity', 'action-remove', 'locale-switch', 'search-box']) {
        expect((await tid(id).boundingBox())?.height ?? 0, id).toBeGreaterThanOrEqual(48);
      }
    });
  }

  it('a double Enter in the search box while the search is still running adds the product once', async () => {
    const { page } = ui;
    ui.till.delay('catalog.search', 200); // makes the window deterministic
    await page.keyboard.press('F2');
    await page.keyboard.type('Taoli', { delay: 90 }); // a person, not a scanner
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // impatient double press
    await tid('cart-line').waitFor();
    await settle(800);
    expect(calls('cart.scan')).toEqual([]);
    expect(calls('cart.addProduct')).toEqual([{ productId: `demo-${DEMO.bread.sku}` }]);
  });

  it('a payment code typed with a full-width IME (as main accepts it) is kept in the QR code field', async () => {
    await scan(DEMO.cola500.barcode);
    await tid('cart-line').waitFor();
    await ui.page.keyboard.press('Shift+F11');
    await tid('qr-code').waitFor();
    await tid('qr-code').focus();
    await ui.page.keyboard.insertText('２８１２３４５６７８９０１２３４５６'); // Chinese IME in full-width mode
    expect(await tid('qr-code').inputValue()).toBe('281234567890123456');
  });
});
