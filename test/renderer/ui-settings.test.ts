// The settings screen in Chromium against the real till (issue 12 point 1): Manage → Settings shows the shop's
// settings; a change config.json's schema refuses is marked on its field and nothing is written; a good change
// is saved with a manager's approval (this till does not restart itself, so the screen says to restart);
// the scanner test names the suffix the scanner sent; the system tab shows the data and log folders; the
// business time zone is chosen from Intl's zones (Asia/Shanghai first) and saved as store.timeZone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config/config';
import { settings as zhSettings } from '../../renderer/src/i18n/zh-CN/settings';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useUiPage } from '../support/ui-page';
import { MANAGER } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

describe.skipIf(!hasChromium)('settings screen in Chromium', () => {
  const ui = useUiPage();
  const { tid, poll } = ui;
  const field = (p: string) => ui.page.locator(`[data-testid="settings-field"][data-path="${p}"]`);
  const tab = (name: string) => ui.page.locator(`[data-testid="settings-tab"][data-tab="${name}"]`).click();

  it('marks a refused setting on its field, then saves a good change with a manager’s approval', async () => {
    const { page } = ui;
    await page.keyboard.press('Shift+F2');
    await page.locator('[data-testid="manage-entry"][data-entry="settings"]').click();
    await tid('settings-screen').waitFor();
    expect(await field('store.terminalId').inputValue()).toBe('T01');

    await field('store.terminalId').fill('T 01'); // a space: config.json's schema refuses it
    await tid('settings-save').click();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(() => tid('dialog-error').getAttribute('data-code')).toBe('SETTINGS_INVALID');
    await page.locator('[data-testid="settings-error"][data-path="store.terminalId"]').waitFor();
    expect(loadConfig(ui.till.dataDir).store.terminalId).toBe('T01');

    await field('store.terminalId').fill('T02');
    await tab('taxes');
    await tid('settings-tax-rate').first().fill('12.5');
    await tid('settings-save').click();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(() => tid('settings-saved').getAttribute('data-restarting')).toBe('false');
    const saved = loadConfig(ui.till.dataDir);
    expect(saved.store.terminalId).toBe('T02');
    expect(saved.taxCategories?.[0]).toMatchObject({ id: 'std', rateBp: 1250 });
    expect(fs.existsSync(path.join(ui.till.dataDir, 'config.previous.json'))).toBe(true);
  });

  it('the scanner test names the suffix; the system tab shows the data and log folders', async () => {
    const { page } = ui;
    await page.keyboard.press('Shift+F2');
    await page.locator('[data-testid="manage-entry"][data-entry="settings"]').click();
    await tid('settings-screen').waitFor();
    await tab('scanner');
    await tid('settings-scanner-field').focus();
    await ui.burst([...'6901234567892', 'Tab']);
    await poll(() => tid('settings-scanner-result').getAttribute('data-suffix')).toBe('Tab');
    await ui.burst([...'6901234567892', 'Enter']);
    await poll(() => tid('settings-scanner-result').getAttribute('data-suffix')).toBe('Enter');
    await tab('system');
    expect(await tid('settings-data-dir').innerText()).toBe(ui.till.dataDir);
    expect(await tid('settings-log-dir').innerText()).toBe(path.join(ui.till.dataDir, 'logs'));
  });

  it('chooses the business time zone: Asia/Shanghai first, saved as store.timeZone', async () => {
    const { page } = ui;
    await page.keyboard.press('Shift+F2');
    await page.locator('[data-testid="manage-entry"][data-entry="settings"]').click();
    await tid('settings-screen').waitFor();
    const zone = field('store.timeZone');
    expect(await zone.inputValue()).toBe('Asia/Shanghai'); // no zone in config.json yet
    expect(await zone.locator('option').first().getAttribute('value')).toBe('Asia/Shanghai');
    expect(await zone.locator('option').count()).toBeGreaterThan(300);
    const hint = page.locator('.setting[data-path="store.timeZone"] .field-hint');
    expect(await hint.innerText()).toBe(zhSettings['settings.timeZoneHint']);

    await zone.selectOption('Europe/London');
    await tid('settings-save').click();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(() => tid('settings-saved').getAttribute('data-restarting')).toBe('false');
    expect(loadConfig(ui.till.dataDir).store.timeZone).toBe('Europe/London');
  });
});
