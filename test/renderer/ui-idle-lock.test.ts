// Issue 13 point 1 in Chromium against a real live till: after config `signIn.idleLockMinutes` (1 here) with no
// input the till locks (the page's clock is Playwright's, fast-forwarded); input meanwhile restarts the wait.
// The lock screen covers everything and names who is signed in (the status bar still does); the same cashier's
// PIN unlocks the same cart; "switch user" gives the next cashier an empty cart while the first one's is
// parked, and it comes back when its owner signs in again. The minutes are a setting on the Store tab.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config/config';
import { DEMO } from '../../main/catalog/demo';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { TEST_FLOAT } from '../support/signed-in-till';
import { useUiPage } from '../support/ui-page';
import { CASHIER, MANAGER } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

describe.skipIf(!hasChromium)('idle lock and switch user in Chromium', () => {
  const ui = useUiPage((name) =>
    name.startsWith('locks') ? { live: true, config: { signIn: { idleLockMinutes: 1 } } } : {},
  );
  const { tid, poll, calls } = ui;

  it('locks after a quiet minute, unlocks by PIN to the same cart, switches user and back', async () => {
    const { page, till } = ui;
    await page.clock.install();
    await page.reload();
    await page.locator('html[data-scanner="ready"]').waitFor();
    await till.call('session.signIn', { operatorCode: CASHIER.code, pin: CASHIER.pin });
    await till.call('shift.open', { floatCounts: { ...TEST_FLOAT } });
    await till.call('cart.scan', { code: DEMO.cola.barcode });
    await poll(() => tid('cart-line').count()).toBe(1);
    await poll(() => tid('status-signed-in').getAttribute('data-code')).toBe(CASHIER.code);

    // 40 s, a key, 40 s: no minute was quiet, so no lock.
    await page.clock.fastForward('00:40');
    await page.keyboard.press('Shift');
    await page.clock.fastForward('00:40');
    expect(calls('session.lock')).toEqual([]);
    await page.clock.fastForward('00:25');
    await tid('lock-screen').waitFor();
    expect(calls('session.lock')).toHaveLength(1);
    expect(await tid('lock-who').textContent()).toContain(CASHIER.name);
    expect(await tid('status-signed-in').getAttribute('data-code')).toBe(CASHIER.code);
    expect(await page.locator('.shell').getAttribute('inert')).not.toBeNull();

    // The same cashier's PIN: the lock goes, the cart is the same.
    await tid('lock-unlock').click();
    await poll(() => tid('approval-code').inputValue()).toBe(CASHIER.code);
    await tid('approval-pin').fill(CASHIER.pin);
    await page.keyboard.press('Enter');
    await poll(() => tid('lock-screen').count()).toBe(0);
    await poll(() => tid('approval-dialog').count()).toBe(0);
    expect(await tid('cart-line').count()).toBe(1);

    // Locked again; another cashier switches in: their cart is empty, the first one's is kept for its owner.
    await page.clock.fastForward('01:05');
    await tid('lock-screen').waitFor();
    await tid('lock-switch').click();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(() => tid('status-signed-in').getAttribute('data-code')).toBe(MANAGER.code);
    await poll(() => tid('lock-screen').count()).toBe(0);
    await poll(() => tid('cart-line').count()).toBe(0);

    // The owner signs in again from the header: their cart comes back.
    await tid('sign-in-button').click();
    await tid('sign-in-switch').click();
    await ui.approveAs(CASHIER.code, CASHIER.pin);
    await poll(() => tid('status-signed-in').getAttribute('data-code')).toBe(CASHIER.code);
    await poll(() => tid('cart-line').count()).toBe(1);
    expect(calls('session.lock')).toHaveLength(2);
  });

  it('saves the idle minutes from Settings → Store, refusing what is not whole minutes', async () => {
    const { page, till } = ui;
    const field = page.locator('[data-testid="settings-field"][data-path="signIn.idleLockMinutes"]');
    await page.keyboard.press('Shift+F2');
    await page.locator('[data-testid="manage-entry"][data-entry="settings"]').click();
    await tid('settings-screen').waitFor();
    expect(await field.inputValue()).toBe('');
    await field.fill('1.5');
    await page.locator('[data-testid="settings-error"][data-path="signIn.idleLockMinutes"]').waitFor();
    await field.fill('15');
    await tid('settings-save').click();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(() => tid('settings-saved').count()).toBe(1);
    expect(loadConfig(till.dataDir).signIn).toEqual({ idleLockMinutes: 15 });
  });
});
