// Cash tender in Chromium against the real till: quick amounts, live change, a single call for a double
// Enter, an answer lost on the way back (retried identically: the same sale), the scanner's CR LF suffix and
// an auto-repeating Enter, and the printed training receipt on the sale-complete screen.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { keyBurst } from '../support/key-burst';
import { useUiPage } from '../support/ui-page';

if (!hasChromium) console.warn(noChromiumMessage);

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!hasChromium)('cash tender in Chromium', () => {
  const ui = useUiPage();
  const { tid, poll, calls, scan } = ui;

  /** Scans one item and opens the cash dialog; answers the cart as main holds it then. */
  const cartInTender = async (code: string) => {
    await scan(code);
    await tid('cart-line').waitFor();
    const cart = await ui.till.call('cart.get', {});
    await ui.page.keyboard.press('F12');
    await tid('tender-dialog').waitFor();
    return cart;
  };

  it('F12 cash: quick amounts, live change, short refused, a single call, then receipt and new sale', async () => {
    const { page } = ui;
    // The printer went away: no printed image, so the screen shows its own receipt (checked below).
    ui.till.printer.disconnected = true;
    const cart = await cartInTender(DEMO.cola500.barcode);
    const quick = await tid('quick-amount').evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-minor')),
    );
    // main/api/quick-cash.ts: exact, then the three smallest round-ups and the largest note.
    expect(quick).toEqual(['350', '400', '500', '1000', '10000']);

    await page.keyboard.type('1');
    expect(await tid('tender-short').textContent()).toContain('2.50');
    expect(await tid('tender-confirm').isDisabled()).toBe(true);
    await page.keyboard.press('Enter'); // refused in the UI: no call
    expect(calls('sale.tenderCash')).toEqual([]);

    await page.keyboard.press('F6'); // quick amount 2: ¥4
    await poll(() => tid('change-due').getAttribute('data-minor')).toBe('50');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('20');
    await poll(() => tid('change-due').getAttribute('data-minor')).toBe('1650');

    ui.till.delay('sale.tenderCash', 300);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // impatient double press
    await tid('sale-complete').waitFor();
    expect(calls('sale.tenderCash')).toEqual([
      { cartId: cart.cartId, cartVersion: cart.version, tenderedMinor: 2000 },
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
    const { page } = ui;
    ui.till.printer.disconnected = true; // the on-screen receipt, not the printed image
    await cartInTender(DEMO.toothpaste.barcode);
    ui.till.dropNext('sale.tenderCash'); // main completes the sale; the answer never arrives
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await poll(() => tid('toast').getAttribute('data-key')).toBe('error.INTERNAL');
    expect(await tid('tender-dialog').count()).toBe(1);
    expect(await tid('tender-amount').inputValue()).toBe('50.00'); // locked to what was sent
    await page.keyboard.press('Enter');
    await tid('sale-complete').waitFor();
    const sent = calls('sale.tenderCash');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(await tid('complete-change').getAttribute('data-minor')).toBe('3750');
    const last = await ui.till.call('sale.last', {});
    expect(await tid('receipt-no').textContent()).toContain(last?.receiptNo ?? '?');
    expect(last?.receiptNo).toBe('T01-000001'); // one sale, not two
  });

  it('a scanner whose suffix is CR LF (two Enters) never completes an open cash payment', async () => {
    await cartInTender(DEMO.cola500.barcode);
    // A scan while the cash dialog is open is refused ("finish or cancel the payment first") ...
    await keyBurst(ui.page, [...DEMO.water.barcode, 'Enter', 'Enter']);
    await poll(() => tid('toast').getAttribute('data-key')).toBe('scan.blockedDuringTender');
    await settle(500);
    // ... and the scanner's second Enter must not reach the amount field and tender the exact amount.
    expect(calls('sale.tenderCash')).toEqual([]);
    expect(await tid('sale-complete').count()).toBe(0);
  });

  it('an auto-repeating Enter (the tender key held down) does not dismiss the change screen', async () => {
    const { page } = ui;
    await cartInTender(DEMO.cola500.barcode);
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await tid('sale-complete').waitFor();
    expect(await tid('complete-change').getAttribute('data-minor')).toBe('1650');
    // The key is still held: the keyboard's auto-repeat sends Enter again (KeyboardEvent.repeat = true).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key: 'Enter',
      code: 'Enter',
      text: '\r',
      windowsVirtualKeyCode: 13,
      autoRepeat: true,
    });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter' });
    await cdp.detach();
    await settle(300);
    expect(calls('sale.tenderCash')).toHaveLength(1);
    expect(await tid('sale-complete').count()).toBe(1);
  });

  it('sale complete: the printed training receipt image, "receipt waiting" on paper out, F7 reprints once', async () => {
    const { page } = ui;
    await cartInTender(DEMO.cola500.barcode);
    await page.keyboard.press('Enter'); // exact cash
    await tid('sale-complete').waitFor();
    await tid('receipt-image').waitFor();
    expect(await tid('receipt-image').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await tid('receipt-image').getAttribute('alt')).toContain('T01-000001');
    const sale = await ui.till.call('sale.last', {});
    expect(calls('sale.receiptImage')).toContainEqual({ saleId: sale?.saleId });
    expect(await tid('receipt-waiting').count()).toBe(0);

    // The paper runs out; the reprint then waits in the queue, and the screen says why.
    ui.till.printer.printer.setPaper('out');
    await page.keyboard.press('F7');
    await poll(() => tid('toast').getAttribute('data-key')).toBe('printer.reprinted');
    await poll(() => tid('receipt-waiting').getAttribute('data-problem')).toBe('paper-out');
    expect(await tid('receipt-waiting').textContent()).toContain('缺纸');
    expect(calls('sale.reprintLast')).toEqual([{}]);
    expect(await tid('sale-complete').count()).toBe(1);
    await page.keyboard.press('Enter');
    await tid('cart-empty').waitFor();
  });

  it('sale complete without a printed image keeps polling a few times, then shows it once printed', async () => {
    const { page } = ui;
    ui.till.printer.printer.setPaper('out'); // the receipt waits in the queue
    await cartInTender(DEMO.toothpaste.barcode);
    await page.keyboard.press('Enter');
    await tid('sale-complete').waitFor();
    await poll(() => calls('sale.receiptImage').length).toBeGreaterThanOrEqual(2);
    expect(await tid('receipt-image').count()).toBe(0);
    ui.till.printer.printer.setPaper('ok'); // paper in: the queue prints it, late
    await tid('receipt-image').waitFor();
    expect(await tid('receipt').count()).toBe(0);
  });
});
