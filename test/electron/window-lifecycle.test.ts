import { describe, expect, it, vi } from 'vitest';
import { entryUrl } from '../../main/electron/app-origin';
import {
  acquireSingleInstance,
  installQuitHandling,
  userDataDirFromArgv,
  wantsKiosk,
  type FocusableWindowLike,
} from '../../main/electron/lifecycle';
import {
  loadAndShow,
  mainWindowOptions,
  reloadWhenRendererGone,
  RENDERER_RELOADS_PER_MINUTE,
} from '../../main/electron/window';
import { FakeEmitter, preventable } from './fakes';

describe('main window options', () => {
  const options = mainWindowOptions({
    preloadPath: '/app/.vite/build/preload.cjs',
    kiosk: false,
    devTools: false,
  });

  it('isolates and sandboxes the renderer with the bundled preload', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/.vite/build/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('is sized for counter screens (min 1024×768) and shown only when painted', () => {
    expect(options.minWidth).toBe(1024);
    expect(options.minHeight).toBe(768);
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.height).toBeGreaterThanOrEqual(768);
    expect(options.show).toBe(false);
    expect(mainWindowOptions({ preloadPath: 'p', kiosk: true, devTools: true }).kiosk).toBe(true);
  });

  it('loads the dev server in development and app:// otherwise', () => {
    expect(entryUrl(null)).toBe('app://pos/index.html');
    expect(entryUrl('http://localhost:5173')).toBe('http://localhost:5173');
  });

  it('shows the window on ready-to-show, or right away when loading fails', async () => {
    const win = Object.assign(new FakeEmitter(), { show: vi.fn(), loadURL: vi.fn(async () => {}) });
    await loadAndShow(win, 'app://pos/index.html');
    expect(win.loadURL).toHaveBeenCalledWith('app://pos/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();

    const failing = Object.assign(new FakeEmitter(), {
      show: vi.fn(),
      loadURL: vi.fn(async () => {
        throw new Error('ERR_FILE_NOT_FOUND');
      }),
    });
    const log = vi.fn();
    await loadAndShow(failing, 'app://pos/index.html', log);
    expect(failing.show).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith('error', 'main window failed to load', expect.anything());
  });
});

describe('app lifecycle', () => {
  const fakeApp = (lock = true) =>
    Object.assign(new FakeEmitter(), { requestSingleInstanceLock: () => lock, quit: vi.fn() });
  const fakeWindow = (
    minimized: boolean,
  ): FocusableWindowLike & Record<string, ReturnType<typeof vi.fn>> => ({
    isDestroyed: vi.fn(() => false),
    isMinimized: vi.fn(() => minimized),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  });

  it('refuses a second instance, and focuses the running till when one is launched', () => {
    expect(acquireSingleInstance(fakeApp(false), () => null)).toBe(false);

    const app = fakeApp(true);
    const win = fakeWindow(true);
    expect(acquireSingleInstance(app, () => win)).toBe(true);
    app.emit('second-instance', {}, ['counterpos'], '/');
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('quits when the window closes, closing the host first', async () => {
    const app = fakeApp();
    let closeHost!: () => void;
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (closeHost = resolve)));
    installQuitHandling({ app, getWindow: () => null, shutdown });

    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();

    const first = preventable();
    app.emit('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(shutdown).toHaveBeenCalledOnce();

    const second = preventable(); // quit pressed again while closing: still waits, no second close
    app.emit('before-quit', second);
    expect(second.defaultPrevented).toBe(true);
    expect(shutdown).toHaveBeenCalledOnce();

    closeHost();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(2));
    const final = preventable();
    app.emit('before-quit', final);
    expect(final.defaultPrevented).toBe(false);
  });

  it('does not hang forever on a host that never closes', async () => {
    vi.useFakeTimers();
    try {
      const app = fakeApp();
      installQuitHandling({
        app,
        getWindow: () => null,
        shutdown: () => new Promise(() => {}),
        shutdownTimeoutMs: 1000,
      });
      app.emit('before-quit', preventable());
      await vi.advanceTimersByTimeAsync(1001);
      expect(app.quit).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads --user-data-dir and --kiosk from argv', () => {
    expect(userDataDirFromArgv(['electron', '.', '--user-data-dir=/tmp/x'])).toBe('/tmp/x');
    expect(userDataDirFromArgv(['electron', '.', '--user-data-dir='])).toBeNull();
    expect(userDataDirFromArgv(['electron', '.'])).toBeNull();
    expect(wantsKiosk(['counterpos', '--kiosk'])).toBe(true);
    expect(wantsKiosk(['counterpos'])).toBe(false);
  });
});

describe('a renderer that goes away', () => {
  const crashed = { reason: 'crashed', exitCode: 139 };
  const windowLike = () => {
    const webContents = new FakeEmitter();
    return { webContents, reload: vi.fn(), isDestroyed: () => false };
  };

  it('is logged and reloaded, at most RENDERER_RELOADS_PER_MINUTE times a minute', () => {
    const win = windowLike();
    const log = vi.fn();
    let t = 0;
    reloadWhenRendererGone(win, log, () => t);
    for (let i = 0; i < RENDERER_RELOADS_PER_MINUTE + 2; i++)
      win.webContents.emit('render-process-gone', {}, crashed);
    expect(win.reload).toHaveBeenCalledTimes(RENDERER_RELOADS_PER_MINUTE);
    expect(log).toHaveBeenLastCalledWith('error', 'renderer process gone again: not reloading', crashed);
    t = 60_001;
    win.webContents.emit('render-process-gone', {}, crashed);
    expect(win.reload).toHaveBeenCalledTimes(RENDERER_RELOADS_PER_MINUTE + 1);
  });

  it('a clean exit is logged, not reloaded', () => {
    const win = windowLike();
    const log = vi.fn();
    reloadWhenRendererGone(win, log);
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(win.reload).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('error', 'renderer process gone', { reason: 'clean-exit', exitCode: 0 });
  });
});
