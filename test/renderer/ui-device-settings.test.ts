// The device settings in Chromium against the real till (training mode, two emulated USB printers on a fake
// WebUSB bus): the settings screen's Devices tab lists the USB printers, a refresh finds one plugged in later,
// a test print comes out of THE printer chosen on screen, the drawer test kicks it after a manager's approval
// with the pulse typed in ms (sent in 2 ms units), and test swipes show brand and last four, never the number.
import { describe, expect, it } from 'vitest';
import { TRAINING_CARDS, trainingTracks } from '../../main/payments/card/training-cards';
import { EscPosPrinter } from '../../native/emulators/escpos-printer';
import { FakeWebUsb } from '../../native/emulators/fake-webusb';
import { UsbPrinterEmulator } from '../../native/emulators/usb-printer';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useUiPage } from '../support/ui-page';

if (!hasChromium) console.warn(noChromiumMessage);

const printer = (serialNumber: string, productName: string): UsbPrinterEmulator =>
  new UsbPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }), { serialNumber, productName });

describe.skipIf(!hasChromium)('device settings in Chromium', () => {
  let usb = new FakeWebUsb();
  let first = printer('EMU-A', 'TM-T88V');
  let second = printer('EMU-B', 'TM-T20');
  const ui = useUiPage(() => {
    usb = new FakeWebUsb();
    first = printer('EMU-A', 'TM-T88V');
    second = printer('EMU-B', 'TM-T20');
    usb.add(first).add(second);
    return { usb };
  });
  const { tid, poll } = ui;

  const openDevices = async (): Promise<void> => {
    await ui.page.keyboard.press('Shift+F2');
    await ui.page.locator('[data-testid="manage-entry"][data-entry="settings"]').click();
    await ui.page.locator('[data-testid="settings-tab"][data-tab="devices"]').click();
    await tid('devices-settings').waitFor();
  };

  it('lists the USB printers, refreshes, and test-prints on the one chosen (not the training printer)', async () => {
    await openDevices();
    await tid('devices-printer-kind').selectOption('usb');
    const options = tid('devices-usb-printer').locator('option');
    await poll(() => options.allTextContents()).toEqual(['选择打印机', 'EPSON TM-T88V', 'EPSON TM-T20']);
    usb.add(printer('EMU-C', 'TM-m30'));
    await tid('devices-refresh').click();
    await poll(() => options.count()).toBe(4);

    await tid('devices-usb-printer').selectOption('usb:04b8:0202:EMU-B');
    await tid('devices-profile').selectOption('cn-58');
    await tid('devices-test-print').click();
    await poll(() => tid('devices-test-print-result').getAttribute('data-ok')).toBe('true');
    expect(await tid('devices-test-print-result').textContent()).toContain('usb:04b8:0202:EMU-B');
    expect(second.printer.renderText()).toContain('Profile: cn-58');
    expect(second.printer.renderText()).toContain('12345678901234567890123456789012');
    expect(first.printer.renderText()).toBe('');
    expect(ui.till.printer.printer.renderText()).not.toContain('Profile: cn-58');
    expect(ui.till.calls('devices.testPrint')).toEqual([
      {
        connection: { kind: 'usb', vendorId: 0x04b8, productId: 0x0202, serialNumber: 'EMU-B' },
        profileId: 'cn-58',
        mode: 'text',
        widthMm: 58,
      },
    ]);
  });

  it('a printer problem is named: an Epson without a Chinese font in text mode needs image mode', async () => {
    await openDevices();
    await tid('devices-printer-kind').selectOption('usb');
    await poll(() => tid('devices-usb-printer').locator('option').count()).toBe(3);
    await tid('devices-usb-printer').selectOption('usb:04b8:0202:EMU-A');
    await tid('devices-profile').selectOption('epson-80');
    await tid('devices-mode').selectOption('text');
    await tid('devices-test-print').click();
    await poll(() => tid('devices-test-print-result').getAttribute('data-ok')).toBe('false');
    expect(await tid('devices-test-print-result').textContent()).toContain('没有中文字库');
  });

  it('test drawer: the pulse typed in ms goes out in 2 ms units after a manager approves', async () => {
    await openDevices();
    await tid('devices-printer-kind').selectOption('usb');
    await poll(() => tid('devices-usb-printer').locator('option').count()).toBe(3);
    await tid('devices-usb-printer').selectOption('usb:04b8:0202:EMU-A');
    await tid('devices-drawer-pin').selectOption('5');
    await tid('devices-pulse-on').fill('80');
    await tid('devices-pulse-off').fill('300');
    await tid('devices-test-drawer').click();
    await tid('approval-dialog').waitFor();
    await ui.approveAs('900', '1234');
    await poll(() => tid('devices-test-drawer-result').getAttribute('data-ok')).toBe('true');
    expect(first.printer.pulses).toEqual([expect.objectContaining({ pin: 5, onMs: 80, offMs: 300 })]);
    expect(ui.till.calls('devices.testDrawer')).toEqual([
      expect.objectContaining({ pin: 5, t1: 40, t2: 150 }),
    ]);
    expect(await tid('settings-screen').count()).toBe(1); // the approval closed, the settings stayed
  });

  it('test swipes: the emulated encrypting reader and a wedge swipe show brand and last four, no card number', async () => {
    await openDevices();
    await tid('devices-reader-kind').selectOption('idtech-hid');
    await tid('devices-test-swipe').click();
    await poll(() => tid('devices-swipe-result').textContent()).toContain(TRAINING_CARDS.visa.pan.slice(-4));
    expect(await tid('devices-swipe-result').textContent()).toContain('已加密');

    await tid('devices-reader-kind').selectOption('keyboard-wedge');
    await tid('devices-wedge-warning').waitFor();
    await tid('devices-test-swipe').click();
    await poll(() => tid('devices-swipe-result').textContent()).toContain('刷卡');
    const { track1, track2 } = trainingTracks('unionpay');
    await ui.burst([...track1, 'Enter', ...track2, 'Enter']);
    await poll(() => tid('devices-swipe-result').textContent()).toContain(
      TRAINING_CARDS.unionpay.pan.slice(-4),
    );
    const page = await ui.page.content();
    for (const { pan } of [TRAINING_CARDS.visa, TRAINING_CARDS.unionpay]) {
      expect(page).not.toContain(pan);
      expect(page).not.toContain(pan.slice(0, 8));
    }
    const answers = JSON.stringify(ui.till.answers('devices.testCardReader'));
    expect(answers).not.toContain(TRAINING_CARDS.unionpay.pan.slice(0, 8));
    expect(await tid('toast').count()).toBe(0); // the swipe went to the test, not to a card payment
  });
});
