// The built renderer in headless Chromium with an in-memory `window.pos` (fixtures/fake-pos.ts): the screen
// renders under its CSP, keyboard-wedge bursts become scans, F-keys drive the sale, zh-CN/en switch.
// Skips (with a message) when /usr/bin/chromium is absent.
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { keyBurst, skipReason, startHarness, type Harness } from './ui-harness';

if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)('cashier screen in Chromium', () => {
  let page: Page;
  let problems: string[];
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  beforeEach(async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
    page.setDefaultTimeout(8_000); // fail at the step that broke, well inside the test timeout
    problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // A <meta> CSP cannot carry frame-ancestors; Chromium says so. The web host sends it as a header.
      if (m.type() === 'error' && !m.text().includes("'frame-ancestors'")) problems.push(m.text());
    });
    await page.addInitScript({ content: harness.fakeScript });
    await page.goto(harness.baseUrl);
    await page.getByTestId('store-name').waitFor();
  });

  afterEach(async () => {
    await page.context().close();
    expect(problems).toEqual([]); // includes CSP violations
  });

  const tid = (id: string) => page.getByTestId(id);
  /** Waits for the screen to catch up; generous because CI boxes are small and busy. */
  const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 8_000 });
  const calls = (channel: string): Promise<unknown[]> =>
    page.evaluate(
      `window.__fakePos.calls.filter((c) => c.channel === ${JSON.stringify(channel)}).map((c) => c.input)`,
    ) as Promise<unknown[]>;
  const burst = (keys: readonly string[]) => keyBurst(page, keys);
  const scan = (code: string) => burst([...code, 'Enter']);
  const focusedTestId = () => page.evaluate('document.activeElement?.getAttribute("data-testid") ?? null');

  it('renders the zh-CN screen from bootstrap, with training mode and device status', async () => {
    await expect(tid('store-name').textContent()).resolves.toBe('便民超市');
    await tid('training-badge').waitFor();
    expect(await tid('status-training').getAttribute('data-state')).toBe('training');
    expect(await tid('status-gateway').getAttribute('data-state')).toBe('not-configured');
    expect(await tid('status-printer').textContent()).toContain('就绪');
    expect(await tid('status-connection').getAttribute('data-state')).toBe('open');
    expect(await tid('total-due').getAttribute('data-minor')).toBe('0');
    await tid('cart-empty').waitFor();
    expect(await tid('tender-button').isDisabled()).toBe(true);
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
  });

  it('a scanner burst adds a line with no field focused, and never lands in a focused search box', async () => {
    await scan('6901234567892');
    await tid('cart-line').waitFor();
    expect(await tid('line-qty').textContent()).toBe('1');
    expect(await tid('total-due').getAttribute('data-minor')).toBe('350');
    expect(await tid('cart-line').getAttribute('data-selected')).toBe('true');

    await tid('search-box').click();
    await page.keyboard.type('可'); // the cashier had started a search
    await scan('6901234567892');
    await poll(() => tid('cart-line').getAttribute('data-qty-milli')).toBe('2000');
    expect(await tid('search-box').inputValue()).toBe('可');
    expect(await focusedTestId()).toBe('search-box');
    expect(await calls('cart.scan')).toEqual([{ code: '6901234567892' }, { code: '6901234567892' }]);
  });

  it('typing in the search box searches; Enter adds; a kg item asks for its weight', async () => {
    await page.keyboard.press('F2');
    expect(await focusedTestId()).toBe('search-box');
    await page.keyboard.type('apple', { delay: 90 }); // a person, not a scanner
    await poll(() => tid('search-result').count()).toBe(1);
    await page.keyboard.press('Enter');
    await tid('quantity-dialog').waitFor();
    await page.keyboard.type('1.235', { delay: 60 });
    await page.keyboard.press('Enter');
    await tid('cart-line').waitFor();
    expect(await tid('line-qty').textContent()).toBe('1.235 kg');
    expect(await tid('total-due').getAttribute('data-minor')).toBe('1581'); // 12.80/kg x 1.235 kg
    expect(await calls('cart.scan')).toEqual([]);
    expect(await calls('cart.addProduct')).toEqual([{ productId: 'p3', qtyMilli: 1235 }]);
  });

  it('F12 cash: quick amounts, live change, short refused, a single call, then receipt and new sale', async () => {
    await scan('6901234567892');
    await tid('cart-line').waitFor();
    await page.keyboard.press('F12');
    await tid('tender-dialog').waitFor();
    const quick = await tid('quick-amount').evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-minor')),
    );
    // main/api/quick-cash.ts: exact, then the three smallest round-ups and the largest note.
    expect(quick).toEqual(['350', '400', '500', '1000', '10000']);

    await page.keyboard.type('1');
    expect(await tid('tender-short').textContent()).toContain('2.50');
    expect(await tid('tender-confirm').isDisabled()).toBe(true);
    await page.keyboard.press('Enter'); // refused in the UI: no call
    expect(await calls('sale.tenderCash')).toEqual([]);

    await page.keyboard.press('F6'); // quick amount 2: ¥4
    await poll(() => tid('change-due').getAttribute('data-minor')).toBe('50');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('20');
    await poll(() => tid('change-due').getAttribute('data-minor')).toBe('1650');

    await page.evaluate('window.__fakePos.tenderDelayMs = 300');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // impatient double press
    await tid('sale-complete').waitFor();
    expect(await calls('sale.tenderCash')).toEqual([
      { cartId: 'cart-1', cartVersion: 1, tenderedMinor: 2000 },
    ]);
    expect(await tid('complete-change').getAttribute('data-minor')).toBe('1650');
    expect(await tid('receipt-no').textContent()).toContain('T01-000001');
    await tid('receipt-training').waitFor();
    expect(await tid('receipt-total').getAttribute('data-minor')).toBe('350');

    await page.keyboard.press('Enter');
    await tid('cart-empty').waitFor();
    expect(await tid('sale-complete').count()).toBe(0);
  });

  it('a lost tender answer: the retry resends the identical request and shows the same sale', async () => {
    await scan('96385074');
    await tid('cart-line').waitFor();
    await page.evaluate('window.__fakePos.dropNextTender = true');
    await page.keyboard.press('F12');
    await tid('tender-dialog').waitFor();
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await poll(() => tid('toast').getAttribute('data-key')).toBe('error.INTERNAL');
    expect(await tid('tender-dialog').count()).toBe(1);
    expect(await tid('tender-amount').inputValue()).toBe('50.00'); // locked to what was sent
    await page.keyboard.press('Enter');
    await tid('sale-complete').waitFor();
    const sent = await calls('sale.tenderCash');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(await tid('complete-change').getAttribute('data-minor')).toBe('3750');
  });

  it('switching language changes every label and is persisted through settings.setLocale', async () => {
    expect(await tid('tender-button').textContent()).toContain('现金收款');
    await tid('locale-switch').click();
    await poll(() => tid('tender-button').textContent()).toContain('Pay cash');
    expect(await tid('status-printer').textContent()).toContain('ready');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await tid('store-name').textContent()).toBe('Corner Mart');
    await page.keyboard.press('F10');
    await poll(() => tid('tender-button').textContent()).toContain('现金收款');
    expect(await calls('settings.setLocale')).toEqual([{ locale: 'en' }, { locale: 'zh-CN' }]);
  });

  it('a card swipe is refused with a message and never reaches a field, the cart or the screen', async () => {
    await tid('search-box').click();
    await burst([
      ...'%B4111111111111111^DOE/JOHN^25121010000000000000?',
      'Enter',
      ...';4111111111111111=25121010000000000000?',
      'Enter',
    ]);
    await poll(() => tid('toast').getAttribute('data-key')).toBe('scan.cardUnavailable');
    expect(await tid('toast').count()).toBe(1);
    expect(await tid('search-box').inputValue()).toBe('');
    expect(await calls('cart.scan')).toEqual([]);
    expect(await calls('catalog.search')).toEqual([]);
    expect(await page.content()).not.toContain('4111');
  });

  it('errors are translated, non-blocking toasts that leave focus where it was', async () => {
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
    await scan('6901234567892');
    await scan('96385074');
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
    await page.keyboard.press('F2');
    await page.keyboard.press('F1');
    await tid('help-dialog').waitFor();
    expect(await tid('help-dialog').textContent()).toContain('F12');
    await page.keyboard.press('Escape');
    expect(await tid('help-dialog').count()).toBe(0);
    expect(await focusedTestId()).toBe('search-box');
  });

  const PAPER_OUT = `window.__fakePos.setPrinter({
    state: 'error',
    problem: 'paper-out',
    queue: { waiting: 1, printing: 0 },
    lastError: 'paper out',
    drawerOpen: false,
  })`;
  // A 1x1 PNG, as the emulated printer would answer with its paper.
  const PNG =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

  it('the printer slot shows paper out with 1 waiting; a tap or F7 opens the printer panel', async () => {
    expect(await tid('status-printer-detail').count()).toBe(0);
    await page.evaluate(PAPER_OUT);
    await poll(() => tid('status-printer-detail').getAttribute('data-problem')).toBe('paper-out');
    expect(await tid('status-printer-detail').getAttribute('data-waiting')).toBe('1');
    expect(await tid('status-printer').textContent()).toContain('缺纸');
    expect(await tid('status-printer').textContent()).toContain('1 张小票待打印');
    await tid('locale-switch').click();
    await poll(() => tid('status-printer').textContent()).toContain('paper out · 1 receipt waiting');
    const fits = 'document.documentElement.scrollWidth <= innerWidth';
    expect(await page.evaluate(fits)).toBe(true); // the longer slot still fits 1024 px

    await tid('status-printer').click();
    await tid('printer-panel').waitFor();
    expect(await tid('printer-problem').getAttribute('data-problem')).toBe('paper-out');
    expect(await tid('printer-queue').getAttribute('data-waiting')).toBe('1');
    expect(await tid('printer-queue').getAttribute('data-printing')).toBe('0');
    expect(await tid('printer-last-error').textContent()).toBe('paper out');
    expect(await tid('printer-drawer').getAttribute('data-open')).toBe('false');
    await page.keyboard.press('Escape');
    expect(await tid('printer-panel').count()).toBe(0);

    await page.keyboard.press('F2');
    await page.keyboard.press('F7'); // works from the search box too
    await tid('printer-panel').waitFor();
    await page.keyboard.press('Escape');
    expect(await focusedTestId()).toBe('search-box');
    expect((await calls('printer.status')).length).toBeGreaterThanOrEqual(2);
  });

  it('printer panel: reprint last calls the channel once; opening the drawer needs a reason and sends it', async () => {
    await page.evaluate(
      `window.pos.cart.addProduct({ productId: 'p1' }).then(() =>
         window.pos.sale.tenderCash({ cartId: 'cart-1', cartVersion: 1, tenderedMinor: 10000 }))`,
    );
    await page.keyboard.press('F7');
    await tid('printer-panel').waitFor();
    await tid('printer-reprint').click();
    await poll(() => tid('toast').getAttribute('data-key')).toBe('printer.reprinted');
    expect(await calls('sale.reprintLast')).toEqual([{}]);

    await tid('drawer-open').click();
    await tid('drawer-reason').waitFor();
    expect(await focusedTestId()).toBe('drawer-reason');
    await page.keyboard.press('Enter'); // no reason: refused in the UI
    await tid('dialog-error').waitFor();
    await page.keyboard.type('  ', { delay: 60 });
    await tid('dialog-ok').click(); // blanks are no reason either
    expect(await calls('drawer.open')).toEqual([]);
    await tid('drawer-reason').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('change for the float', { delay: 60 });
    expect(await tid('dialog-error').count()).toBe(0);
    await page.keyboard.press('Enter');
    await poll(() => tid('toast').last().getAttribute('data-key')).toBe('drawer.opened');
    expect(await calls('drawer.open')).toEqual([{ reason: 'change for the float' }]);
    expect(await tid('printer-panel').count()).toBe(0);
    expect(await calls('sale.reprintLast')).toEqual([{}]);
  });

  it('sale complete: the printed training receipt image, "receipt waiting" on paper out, F7 reprints once', async () => {
    await page.evaluate(`window.__fakePos.receiptPng = ${JSON.stringify(PNG)}`);
    await scan('6901234567892');
    await tid('cart-line').waitFor();
    await page.keyboard.press('F12');
    await tid('tender-dialog').waitFor();
    await page.keyboard.press('Enter'); // exact cash
    await tid('sale-complete').waitFor();
    await tid('receipt-image').waitFor();
    expect(await tid('receipt-image').getAttribute('src')).toBe(PNG);
    expect(await tid('receipt-image').getAttribute('alt')).toContain('T01-000001');
    expect(await calls('sale.receiptImage')).toEqual([{ saleId: 's1' }]);
    expect(await tid('receipt-waiting').count()).toBe(0);

    await page.evaluate(PAPER_OUT);
    await poll(() => tid('receipt-waiting').getAttribute('data-problem')).toBe('paper-out');
    expect(await tid('receipt-waiting').textContent()).toContain('缺纸');

    await page.keyboard.press('F7');
    await poll(() => tid('toast').getAttribute('data-key')).toBe('printer.reprinted');
    expect(await calls('sale.reprintLast')).toEqual([{}]);
    expect(await tid('sale-complete').count()).toBe(1);
    await page.keyboard.press('Enter');
    await tid('cart-empty').waitFor();
  });

  it('sale complete without a printed image keeps polling a few times, then keeps the on-screen receipt', async () => {
    await scan('96385074');
    await tid('cart-line').waitFor();
    await page.keyboard.press('F12');
    await tid('tender-dialog').waitFor();
    await page.keyboard.press('Enter');
    await tid('sale-complete').waitFor();
    await poll(async () => (await calls('sale.receiptImage')).length).toBeGreaterThanOrEqual(2);
    await page.evaluate(`window.__fakePos.receiptPng = ${JSON.stringify(PNG)}`); // printed late
    await tid('receipt-image').waitFor();
    expect(await tid('receipt').count()).toBe(0);
  });

  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const) {
    it(`fits ${width}x${height} with a full cart: no page scroll, pay button and total on screen, 48 px targets`, async () => {
      await page.setViewportSize({ width, height });
      for (let i = 0; i < 14; i++)
        await page.evaluate(
          `window.pos.cart.addProduct({ productId: 'p${(i % 4) + 1}', qtyMilli: ${1000 + i} })`,
        );
      await page.evaluate('window.pos.cart.get({})');
      await scan('96385074');
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
});
