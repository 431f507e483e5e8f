import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../main/electron/app-origin';
import { hardenSession, hardenWebContents, installWebContentsHardening } from '../../main/electron/security';
import { FakeEmitter, FakeWebContents, frame, preventable } from './fakes';

const DEV = 'http://localhost:5173';
const prodOnly = (url: string): boolean => isAppUrl(url, null);

describe('app origin', () => {
  it('accepts app://pos and, in development only, the dev server origin', () => {
    expect(isAppUrl('app://pos/index.html', null)).toBe(true);
    expect(isAppUrl('app://pos/assets/x.js?v=1#h', null)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
  });

  it('rejects look-alikes and other origins', () => {
    for (const url of [
      'app://evil/index.html',
      'app://pos.evil.com/',
      'https://example.com/',
      'file:///etc/passwd',
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'data:text/html,<h1>x</h1>',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, DEV), url).toBe(false);
    }
  });
});

describe('webContents hardening', () => {
  const hardened = (): FakeWebContents => {
    const contents = new FakeWebContents(1, frame('app://pos/index.html'));
    hardenWebContents(contents, prodOnly);
    return contents;
  };

  it('prevents navigation and redirects away from the app origin', () => {
    const contents = hardened();
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = preventable('https://example.com/phish');
      contents.emit(event, away);
      expect(away.defaultPrevented, event).toBe(true);
    }
  });

  it('lets same-origin navigation through', () => {
    const contents = hardened();
    for (const event of ['will-navigate', 'will-redirect']) {
      const inside = preventable('app://pos/index.html');
      contents.emit(event, inside);
      expect(inside.defaultPrevented, event).toBe(false);
    }
  });

  it('denies every window.open, including same-origin ones', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://pos/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents <webview> attachment', () => {
    const contents = hardened();
    const attach = preventable();
    contents.emit('will-attach-webview', attach, {}, { src: 'https://example.com' });
    expect(attach.defaultPrevented).toBe(true);
  });

  it('is applied to every webContents the app creates', () => {
    const app = new FakeEmitter();
    installWebContentsHardening(app, prodOnly);
    const first = new FakeWebContents(1, frame('app://pos/index.html'));
    const second = new FakeWebContents(2, frame('about:blank'));
    app.emit('web-contents-created', {}, first);
    app.emit('web-contents-created', {}, second);
    for (const contents of [first, second]) {
      expect(contents.count('will-navigate')).toBe(1);
      expect(contents.count('will-redirect')).toBe(1);
      expect(contents.count('will-attach-webview')).toBe(1);
      expect(contents.windowOpenHandler).not.toBeNull();
    }
  });
});

describe('session hardening', () => {
  it('denies every permission request, check and device permission', () => {
    let request: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, permission: string) => boolean) | undefined;
    let device: ((details: unknown) => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    });

    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'hid',
      'usb',
      'serial',
      'clipboard-read',
    ]) {
      const answers: boolean[] = [];
      request?.({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(check?.({}, permission), permission).toBe(false);
    }
    expect(device?.({ deviceType: 'hid', origin: 'app://pos' })).toBe(false);
  });
});
