// The optional `printer` block of config.json: old files stay valid, defaults are a Chinese 80 mm printer,
// and a wrong profile or pulse is reported as CONFIG_CORRUPT rather than printed with.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from '../../../main/config/config';
import { resolvePrinterSettings } from '../../../main/config/printer-config';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function withConfig(extra: Record<string, unknown>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-pcfg-'));
  dirs.push(d);
  fs.writeFileSync(path.join(d, 'config.json'), JSON.stringify({ ...DEFAULT_CONFIG, ...extra }));
  return d;
}

describe('printer configuration', () => {
  it('a config.json without `printer` still loads; defaults: cn-80, text, pin 2 50/500 ms, drawer on cash', () => {
    const config = loadConfig(withConfig({}));
    expect(config.printer).toBeUndefined();
    const s = resolvePrinterSettings(config.printer);
    expect(s.profile.id).toBe('cn-80');
    expect(s.mode).toBe('text');
    expect(s.drawer).toEqual({ pin: 2, t1: 25, t2: 250 });
    expect(s.kickDrawerOnCash).toBe(true);
  });

  it('profile, mode override and drawer pulse are read from config.json', () => {
    const config = loadConfig(
      withConfig({
        printer: {
          profileId: 'epson-80',
          mode: 'text',
          drawer: { pin: 5, t1: 30, t2: 255 },
          kickDrawerOnCash: false,
        },
      }),
    );
    const s = resolvePrinterSettings(config.printer);
    expect(s.profile.id).toBe('epson-80');
    expect(s.mode).toBe('text'); // the profile's default is raster; the override wins
    expect(s.drawer).toEqual({ pin: 5, t1: 30, t2: 255 });
    expect(s.kickDrawerOnCash).toBe(false);
    expect(resolvePrinterSettings({ profileId: 'epson-80' }).mode).toBe('raster');
  });

  it.each([
    [{ profileId: 'no-such-printer' }],
    [{ mode: 'pdf' }],
    [{ drawer: { pin: 3, t1: 25, t2: 250 } }],
    [{ drawer: { pin: 2, t1: 256, t2: 250 } }],
    [{ unknown: true }],
  ])('refuses %j as CONFIG_CORRUPT', (printer) => {
    expect(() => loadConfig(withConfig({ printer }))).toThrow(
      expect.objectContaining({ code: 'CONFIG_CORRUPT' }),
    );
  });
});

describe('printer.connection: network, USB or usblp', () => {
  it.each([
    [{ kind: 'tcp', host: '192.0.2.10' }],
    [{ kind: 'tcp', host: 'printer.local', port: 9100 }],
    [{ kind: 'usb', vendorId: 0x04b8, productId: 0x0202 }],
    [{ kind: 'usb', vendorId: 0x0519, productId: 1, serialNumber: 'SN-1' }],
    [{ kind: 'usblp', device: '/dev/usb/lp0' }],
    [{ kind: 'usblp', device: '/dev/usb/lp12' }],
  ])('accepts %j', (connection) => {
    expect(loadConfig(withConfig({ printer: { connection } })).printer?.connection).toEqual(connection);
  });

  it.each([
    [{ kind: 'serial', device: 'COM1' }, 'the printer connection kind is tcp, usb or usblp'],
    [{ kind: 'tcp', host: '' }, 'a network printer needs a host name or IP address'],
    [{ kind: 'tcp', host: 'p', port: 70_000 }, 'the port is 1 to 65535'],
    [{ kind: 'usb', vendorId: 0x10000, productId: 1 }, 'vendorId is a USB ID'],
    [{ kind: 'usb', vendorId: '04b8', productId: 1 }, 'vendorId is a USB ID'],
    [{ kind: 'usb', productId: 1 }, 'vendorId is a USB ID'],
    [{ kind: 'usb', vendorId: 1, productId: 1, host: 'x' }, 'host'],
    [{ kind: 'usblp', device: '/etc/passwd' }, 'a usblp printer is a device like /dev/usb/lp0'],
    [{ kind: 'usblp', device: '/dev/usb/lp0', port: 1 }, 'port'],
  ])('refuses %j with a clear message', (connection, words) => {
    let error: unknown;
    try {
      loadConfig(withConfig({ printer: { connection } }));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'CONFIG_CORRUPT' });
    expect(String((error as Error).message)).toContain(words);
  });

  it('paperMm puts the same profile on other paper', () => {
    const s = resolvePrinterSettings({ profileId: 'cn-80', paperMm: 58 });
    expect(s.profile).toMatchObject({ id: 'cn-80', paperMm: 58, columns: 32, widthDots: 384 });
  });
});
