// Issue 13 point 2 in Chromium against the real till: Manage → Shift and cash opens a shift with a float counted
// by denomination (over the shop's threshold: a manager approves), records a safe drop (approved) and a
// paid-in, then a BLIND close — the count form shows no expected figure and sends only the count — whose
// variance over the limit waits for a manager's sign-off with a note.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useUiPage } from '../support/ui-page';
import { MANAGER } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

describe.skipIf(!hasChromium)('the shift screen in Chromium', () => {
  // 100.00: a 500.00 float and a 200.00 drop need a manager; a 10.00 paid-in does not.
  const ui = useUiPage(() => ({ config: { cashControl: { movementApprovalMinor: 10_000 } } }));
  const { tid, poll, calls } = ui;
  const field = (id: string) =>
    ui.page.locator(`[data-testid="shift-count-field"][data-denomination="${id}"]`);
  const state = () => tid('shift-state').getAttribute('data-state');

  const move = async (kind: string, amount: string, reason: string) => {
    await tid('shift-move').click();
    await tid('shift-move-form').waitFor();
    await tid('shift-move-kind').selectOption(kind);
    await tid('shift-move-amount').fill(amount);
    await tid('shift-move-reason').fill(reason);
    await ui.page.keyboard.press('Enter');
  };

  it('opens with a counted float, moves cash, closes blind and has the variance signed off', async () => {
    const { page, till } = ui;
    // A cash sale of the demo cart (5.00) paid with 10.00: 5.00 stays in the drawer.
    for (const code of [DEMO.cola.barcode, DEMO.water.barcode]) await till.dispatch('cart.scan', { code });
    const cart = (await till.dispatch('cart.get', {})) as {
      ok: true;
      value: { cartId: string; version: number };
    };
    await page.keyboard.press('Shift+F2');
    await page.locator('[data-testid="manage-entry"][data-entry="shift"]').click();
    await poll(state).toBe('none');

    await tid('shift-open').click();
    await tid('shift-count').waitFor();
    await field('note-10000').fill('3');
    await field('note-5000').fill('3');
    await field('note-2000').fill('2');
    await field('note-1000').fill('1');
    await poll(() => tid('shift-count-total').getAttribute('data-minor')).toBe('50000');
    await page.keyboard.press('Enter');
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(state).toBe('open');
    expect(await tid('shift-float').getAttribute('data-minor')).toBe('50000');
    expect(calls('shift.open').map((c) => 'approval' in (c as object))).toEqual([false, true]);

    const sale = await till.dispatch('sale.tenderCash', {
      cartId: cart.value.cartId,
      cartVersion: cart.value.version,
      tenderedMinor: 1_000,
    });
    expect(sale.ok).toBe(true);

    await move('drop', '200', 'to the safe');
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(() => tid('shift-movement').count()).toBe(1);
    await move('paid_in', '10.00', 'coins from the bank');
    await poll(() => tid('shift-movement').count()).toBe(2);
    expect(
      await tid('shift-movement').evaluateAll((els) =>
        els.map((e) => [e.dataset['kind'], e.dataset['minor']]),
      ),
    ).toEqual([
      ['drop', '20000'],
      ['paid_in', '1000'],
    ]);

    // The blind count: nothing on screen says what the drawer should hold.
    await tid('shift-close').click();
    await tid('shift-count').waitFor();
    expect(await tid('shift-expected').count()).toBe(0);
    expect(await page.locator('[data-testid="shift-count"]').textContent()).not.toMatch(/315/);
    await field('note-10000').fill('3');
    await page.keyboard.press('Enter');
    await poll(state).toBe('closing');
    expect(calls('shift.close')).toEqual([{ counts: { 'note-10000': 3 } }]);
    // 500.00 + 10.00 received − 5.00 change + 10.00 paid in − 200.00 dropped = 315.00; counted 300.00.
    expect(await tid('shift-expected').getAttribute('data-minor')).toBe('31500');
    expect(await tid('shift-counted').getAttribute('data-minor')).toBe('30000');
    expect(await tid('shift-variance').getAttribute('data-minor')).toBe('-1500');

    await tid('shift-sign-off').click();
    await tid('shift-note').fill('15.00 short: a paid-out without a slip');
    await page.keyboard.press('Enter');
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(state).toBe('closed');
    expect(await tid('shift-summary').textContent()).toContain('15.00 short: a paid-out without a slip');
    expect(calls('shift.signOff')).toEqual([
      {
        note: '15.00 short: a paid-out without a slip',
        approval: { operatorCode: MANAGER.code, pin: MANAGER.pin },
      },
    ]);
  });
});
