// The printer slot and panel in Chromium against the real till's emulated printer: paper out with a receipt
// waiting (the printer's own status bytes), the panel (F7 or a tap), reprint of the last receipt, a no-sale
// drawer opening with its reason and a manager's approval, and Shift+F7 to the receipts screen.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useUiPage } from '../support/ui-page';

if (!hasChromium) console.warn(noChromiumMessage);

describe.skipIf(!hasChromium)('printer status and panel in Chromium', () => {
  const ui = useUiPage();
  const { tid, poll, calls, focusedTestId } = ui;

  /** A cash sale made at the till (not through the screen). */
  const sell = async () => {
    const cart = await ui.till.call('cart.scan', { code: DEMO.cola.barcode });
    await ui.till.call('sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: 10_000,
    });
  };

  it('the printer slot shows paper out with 1 waiting; a tap or F7 opens the printer panel', async () => {
    const { page } = ui;
    expect(await tid('status-printer-detail').count()).toBe(0);
    ui.till.printer.printer.setPaper('out');
    await ui.till.call('drawer.open', { reason: 'float', approval: { operatorCode: '900', pin: '1234' } });
    await poll(() => tid('status-printer-detail').getAttribute('data-problem')).toBe('paper-out');
    await poll(() => tid('status-printer-detail').getAttribute('data-waiting')).toBe('1');
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
    expect(await tid('printer-last-error').textContent()).toContain('paper');
    expect(await tid('printer-drawer').getAttribute('data-open')).toBe('false');
    await page.keyboard.press('Escape');
    expect(await tid('printer-panel').count()).toBe(0);

    await page.keyboard.press('F2');
    await page.keyboard.press('F7'); // works from the search box too
    await tid('printer-panel').waitFor();
    await page.keyboard.press('Escape');
    expect(await focusedTestId()).toBe('search-box');
    expect(calls('printer.status').length).toBeGreaterThanOrEqual(2);
  });

  it('printer panel: reprint last calls the channel once; opening the drawer needs a reason and sends it', async () => {
    const { page } = ui;
    await sell();
    await page.keyboard.press('F7');
    await tid('printer-panel').waitFor();
    await tid('printer-reprint').click();
    await poll(() => tid('toast').getAttribute('data-key')).toBe('printer.reprinted');
    expect(calls('sale.reprintLast')).toEqual([{}]);

    await tid('drawer-open').click();
    await tid('drawer-reason').waitFor();
    expect(await focusedTestId()).toBe('drawer-reason');
    await page.keyboard.press('Enter'); // no reason: refused in the UI
    await tid('dialog-error').waitFor();
    await page.keyboard.type('  ', { delay: 60 });
    await tid('dialog-ok').click(); // blanks are no reason either
    expect(calls('drawer.open')).toEqual([]);
    await tid('drawer-reason').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('change for the float', { delay: 60 });
    expect(await tid('dialog-error').count()).toBe(0);
    await page.keyboard.press('Enter');

    // Then a manager's approval; the training hint names the demo manager.
    await tid('approval-dialog').waitFor();
    expect(await tid('approval-hint').textContent()).toContain('900');
    expect(await tid('approval-hint').textContent()).toContain('1234');
    expect(await focusedTestId()).toBe('approval-code');
    await page.keyboard.type('900', { delay: 60 });
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('approval-pin');
    expect(await tid('approval-pin').getAttribute('type')).toBe('password');
    await page.keyboard.type('99x99', { delay: 60 }); // not a digit: dropped
    expect(await tid('approval-pin').inputValue()).toBe('9999');
    await page.keyboard.press('Enter');

    // Wrong PIN: main's refusal in the dialog, which stays open with the code kept and the PIN cleared.
    await poll(() => tid('approval-error').getAttribute('data-code')).toBe('APPROVAL_DENIED');
    // The same words for every refusal (issue 12): no count of tries left, nothing that confirms a code.
    expect(await tid('approval-error').textContent()).toBe('操作员编号或密码错误，或无权批准此操作。');
    expect(await tid('approval-dialog').count()).toBe(1);
    expect(await tid('approval-code').inputValue()).toBe('900');
    expect(await tid('approval-pin').inputValue()).toBe('');
    expect(await focusedTestId()).toBe('approval-pin');
    expect(calls('drawer.open')).toEqual([
      { reason: 'change for the float', approval: { operatorCode: '900', pin: '9999' } },
    ]);

    // The right PIN, partly from the on-screen keypad: the drawer opens and everything closes.
    await page.keyboard.type('12', { delay: 60 });
    await tid('keypad-key').and(page.locator('[data-key="3"]')).click();
    await tid('keypad-key').and(page.locator('[data-key="4"]')).click();
    expect(await tid('approval-pin').inputValue()).toBe('1234');
    await page.keyboard.press('Enter');
    await poll(() => tid('toast').last().getAttribute('data-key')).toBe('drawer.opened');
    expect(calls('drawer.open')[1]).toEqual({
      reason: 'change for the float',
      approval: { operatorCode: '900', pin: '1234' },
    });
    expect(await tid('approval-dialog').count()).toBe(0);
    expect(await tid('printer-panel').count()).toBe(0);
    expect(calls('sale.reprintLast')).toEqual([{}]);
    // The PIN is nowhere on screen (toasts included) once the dialog is gone.
    expect(await page.locator('body').innerText()).not.toContain('9999');
  });

  it('Shift+F7, shown on the printer panel’s Receipts button, opens the receipts screen from the panel', async () => {
    await sell();
    await ui.page.keyboard.press('F7');
    await tid('printer-panel').waitFor();
    expect(await tid('receipts-open').textContent()).toContain('Shift+F7');
    await ui.page.keyboard.press('Shift+F7');
    await poll(() => tid('receipts-screen').count()).toBe(1);
  });
});
