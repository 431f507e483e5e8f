// Issue 13 point 1 in Chromium against the real till: the header's "Sign in" opens the sign-in dialog; a wrong
// PIN gets the approval prompt's answer, the right one signs the cashier in (the header and the status bar show
// them); a staff badge scanned at the dialog fills the code and the PIN is still asked; sign-out leaves nobody.
import { describe, expect, it } from 'vitest';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useUiPage } from '../support/ui-page';
import { CASHIER, MANAGER } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

describe.skipIf(!hasChromium)('sign-in in Chromium', () => {
  const ui = useUiPage();
  const { tid, poll, calls } = ui;

  it('signs a cashier in (after a wrong PIN), shows them, switches by badge + PIN, signs out', async () => {
    const { page } = ui;
    await poll(() => tid('status-signed-in').getAttribute('data-code')).toBe('');
    await tid('sign-in-button').click();
    await tid('approval-dialog').waitFor();
    await ui.approveAs(CASHIER.code, '0000');
    await poll(() => tid('approval-error').getAttribute('data-code')).toBe('APPROVAL_DENIED');
    await tid('approval-code').fill(CASHIER.code);
    await tid('approval-pin').fill(CASHIER.pin);
    await page.keyboard.press('Enter');
    await poll(() => tid('status-signed-in').getAttribute('data-code')).toBe(CASHIER.code);
    expect(await tid('sign-in-button').textContent()).toBe(CASHIER.name);
    expect(await tid('approval-dialog').count()).toBe(0);

    // Switch user by badge: the scan fills the code, the PIN is still asked, main reads the badge again.
    await tid('sign-in-button').click();
    await tid('sign-in-panel').waitFor();
    await ui.burst([...`STAFF:${MANAGER.code}`, 'Enter']);
    await poll(() => tid('approval-code').inputValue()).toBe(MANAGER.code);
    await tid('approval-pin').fill(MANAGER.pin);
    await page.keyboard.press('Enter');
    await poll(() => tid('status-signed-in').getAttribute('data-code')).toBe(MANAGER.code);

    await tid('sign-in-button').click();
    await tid('sign-out').click();
    await poll(() => tid('status-signed-in').getAttribute('data-code')).toBe('');
    expect(await tid('sign-in-button').getAttribute('data-code')).toBe('');
    expect(calls('session.signIn').map((c) => (c as { operatorCode: string }).operatorCode)).toEqual([
      CASHIER.code,
      CASHIER.code,
    ]);
    expect(calls('session.signInBadge')).toEqual([{ badge: `STAFF:${MANAGER.code}`, pin: MANAGER.pin }]);
    expect(calls('session.signOut')).toHaveLength(1);
  });
});
