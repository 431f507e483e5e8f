// main/electron/main.ts is the one file that talks to real Electron. This test bundles it the way Forge does
// (Vite, CommonJS) with 'electron' and '../host' swapped for fakes, runs it in Node, and checks the wiring:
// what happens before `ready`, what the till window gets, that IPC reaches the host, and the failure path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtinModules, createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from 'vite';
import { channelNames } from '../../main/api/contract';
import { PosFailure, type Result } from '../../main/api/result';
import type { Host, HostOptions } from '../../main/host-types';
import { typedDispatch } from '../../main/ipc/dispatcher';
import type { WindowOptions } from '../../main/electron/window';
import { FakeEmitter, FakeIpcMain, FakeWebContents, invokeEvent } from './fakes';
import {
  NATIVE_MODULES,
  OPTIONAL_NATIVE_PEERS,
  UNBUNDLED_MODULES,
} from '../../main/electron/packaging/native-modules';

const root = path.resolve(import.meta.dirname, '../..');
let work: string;
let bundle: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-wiring-'));
  // The native modules stay external (as in the app, which ships them beside the bundle): resolvable here.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  const outDir = path.join(work, '.vite', 'build');
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: {
      // As Forge's main-process config resolves packages: for Node, never a package's "browser" build.
      conditions: ['node'],
      mainFields: ['module', 'jsnext:main', 'jsnext'],
      alias: [
        { find: /^electron$/, replacement: path.join(import.meta.dirname, 'wiring/electron.ts') },
        { find: /^\.\.\/host$/, replacement: path.join(import.meta.dirname, 'wiring/host.ts') },
      ],
    },
    // What Forge's Vite plugin defines for a packaged build.
    define: {
      MAIN_WINDOW_VITE_DEV_SERVER_URL: 'undefined',
      MAIN_WINDOW_VITE_NAME: JSON.stringify('main_window'),
    },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: path.join(root, 'main/electron/main.ts'), formats: ['cjs'], fileName: () => 'main.cjs' },
      // As Forge's main config: Node builtins and the native modules (their .node binaries load at runtime).
      rollupOptions: {
        external: [
          ...builtinModules,
          ...builtinModules.map((m) => `node:${m}`),
          ...[...NATIVE_MODULES, ...OPTIONAL_NATIVE_PEERS, ...UNBUNDLED_MODULES].flatMap((name) => [
            name,
            new RegExp(`^${name}/`),
          ]),
        ],
      },
    },
  });
  bundle = path.join(outDir, 'main.cjs');
  const renderer = path.join(work, '.vite', 'renderer', 'main_window');
  fs.mkdirSync(renderer, { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>till</title>');
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = [];
  static nextId = 1;
  readonly webContents: FakeWebContents;
  readonly loaded: string[] = [];
  private readonly frame = { url: '', parent: null, processId: 4, routingId: 1 };

  constructor(readonly options: WindowOptions) {
    super();
    this.webContents = new FakeWebContents(FakeBrowserWindow.nextId++, this.frame);
    FakeBrowserWindow.created.push(this);
  }

  destroy = vi.fn();
  reload = vi.fn();
  isDestroyed = (): boolean => false;
  isMinimized = (): boolean => false;
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.frame.url = url;
  }
}

function installFakes(createHost: (o: HostOptions) => Promise<Host>) {
  const order: string[] = [];
  let fireReady!: () => void;
  const ready = new Promise<void>((resolve) => (fireReady = resolve));
  const userData = path.join(work, 'userData');
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: true,
    getPath: (name: string) => (name === 'userData' ? userData : `/unused/${name}`),
    setPath: vi.fn(),
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => ready,
    quit: vi.fn(),
  });
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
    handle: vi.fn(),
  };
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  const ipcMain = new FakeIpcMain();
  const Menu = { setApplicationMenu: vi.fn() };
  FakeBrowserWindow.created = [];
  Object.assign(globalThis, {
    __fakeElectron: {
      app,
      BrowserWindow: FakeBrowserWindow,
      ipcMain,
      Menu,
      protocol,
      // No OS key store here: the PIN key stays a 0600 file (main/staff/pepper.ts).
      safeStorage: { isEncryptionAvailable: () => false },
      session: { defaultSession },
    },
    __fakeHost: { createHost: vi.fn(createHost) },
  });
  const fakeHost = (globalThis as unknown as { __fakeHost: { createHost: ReturnType<typeof vi.fn> } })
    .__fakeHost;
  return { app, protocol, defaultSession, ipcMain, Menu, order, fireReady, userData, fakeHost };
}

let runs = 0;
/** Loads a fresh copy of the bundle (next to the original, so __dirname is the same) as Electron would. */
function runMain(): void {
  const copy = path.join(path.dirname(bundle), `main-run${++runs}.cjs`);
  fs.copyFileSync(bundle, copy);
  createRequire(import.meta.url)(copy);
}

const fakeHostImpl = () => {
  const dispatch = vi.fn(async (channel: string, payload: unknown): Promise<Result<unknown>> => ({
    ok: true,
    value: { channel, payload },
  }));
  const close = vi.fn(async () => {});
  const host: Host = {
    dispatch: typedDispatch(dispatch),
    dispatchUntyped: dispatch,
    subscribe: () => () => {},
    close,
  };
  return { host, dispatch, close };
};

describe('main.ts wiring (bundled, fake electron)', () => {
  it('hardens before ready, then serves app://, builds the host, registers IPC and opens the till', async () => {
    const { host, dispatch, close } = fakeHostImpl();
    const f = installFakes(async () => host);
    runMain();

    // Before ready: sandbox on, scheme privileged, every webContents hooked, single-instance lock taken.
    expect(f.order).toEqual(['enableSandbox', 'registerSchemesAsPrivileged']);
    expect(f.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(f.app.count('web-contents-created')).toBe(1);
    expect(f.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(f.protocol.handle).not.toHaveBeenCalled();

    f.fireReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created[0]?.loaded).toEqual(['app://pos/index.html']));

    expect(f.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(f.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(f.defaultSession.setDevicePermissionHandler).toHaveBeenCalledOnce();
    expect(f.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(f.fakeHost.createHost).toHaveBeenCalledWith({
      dataDir: path.join(f.userData, 'data'),
      log: expect.any(Function),
      onStartupProgress: expect.any(Function),
      // a settings change restarts the host in place (main/startup/app-runner.ts)
      requestRestart: expect.any(Function),
      // the USB bus for printers (null where this machine gives no USB access, as here)
      usb: null,
    });

    // app:// serves the renderer folder next to the bundle (.vite/renderer/main_window) with the CSP.
    const [scheme, handler] = f.protocol.handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const res = await handler(new Request('app://pos/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<!doctype html><title>till</title>');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");

    const win = FakeBrowserWindow.created[0] as FakeBrowserWindow;
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      preload: path.join(path.dirname(bundle), 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(win.options.minWidth).toBe(1024);
    expect(win.options.minHeight).toBe(768);

    // IPC: one handler per channel; a call from the till's main frame reaches the host.
    expect(f.ipcMain.handlers.size).toBe(channelNames.length);
    const scan = f.ipcMain.handlers.get('pos:cart.scan');
    const result = await scan?.(invokeEvent(win.webContents.id, win.webContents.mainFrame), { code: '123' });
    expect(result).toEqual({ ok: true, value: { channel: 'cart.scan', payload: { code: '123' } } });
    const forged = await scan?.(invokeEvent(999, win.webContents.mainFrame), { code: '123' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatch).toHaveBeenCalledOnce();

    // A renderer crash is written to the log file in the data folder and the page reloaded.
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(win.reload).toHaveBeenCalledOnce();
    const logs = path.join(f.userData, 'data', 'logs');
    await vi.waitFor(() => {
      const text = fs.readdirSync(logs).map((n) => fs.readFileSync(path.join(logs, n), 'utf8'));
      expect(text.join('')).toContain('"msg":"renderer process gone: reloading"');
    });

    // Quitting closes the host before the process goes.
    const quit = { defaultPrevented: false, preventDefault: () => (quit.defaultPrevented = true) };
    f.app.emit('before-quit', quit);
    expect(quit.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(f.app.quit).toHaveBeenCalled());
    expect(close).toHaveBeenCalledOnce();
    expect(f.ipcMain.handlers.size).toBe(0);
  });

  it('shows the backup before an update on a static progress page, one load per new percent, then the till', async () => {
    const { host } = fakeHostImpl();
    const f = installFakes(async (o) => {
      for (const done of [0, 100, 101, 200]) o.onStartupProgress?.({ step: 'backup', done, total: 200 });
      return host;
    });
    runMain();
    f.fireReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created[1]?.loaded).toEqual(['app://pos/index.html']));
    const progress = FakeBrowserWindow.created[0] as FakeBrowserWindow;
    expect(progress.options.webPreferences.javascript).toBe(false);
    expect(progress.options.webPreferences.preload).toBeUndefined();
    const pages = progress.loaded.map((url) => decodeURIComponent(url.slice(url.indexOf(',') + 1)));
    expect(pages.map((html) => /data-percent="(\d+)"/.exec(html)?.[1])).toEqual(['0', '50', '100']);
    expect(pages[1]).toContain('Backing up before an update');
    expect(progress.destroy).toHaveBeenCalledOnce();
  });

  it('restarts onto a new host after a settings change: the old one closed, IPC re-served, the window reloaded', async () => {
    const first = fakeHostImpl();
    const second = fakeHostImpl();
    let restart: (() => void) | undefined;
    const f = installFakes(async (o) => {
      restart = o.requestRestart;
      return f.fakeHost.createHost.mock.calls.length === 1 ? first.host : second.host;
    });
    runMain();
    f.fireReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created[0]?.loaded).toEqual(['app://pos/index.html']));
    const win = FakeBrowserWindow.created[0] as FakeBrowserWindow;

    restart?.(); // what setup.save asks for once its answer is on its way
    await vi.waitFor(() => expect(win.reload).toHaveBeenCalledOnce());
    expect(first.close).toHaveBeenCalledOnce();
    expect(f.fakeHost.createHost).toHaveBeenCalledTimes(2);
    expect(FakeBrowserWindow.created).toHaveLength(1); // the same window, reloaded
    expect(f.ipcMain.handlers.size).toBe(channelNames.length);
    const scan = f.ipcMain.handlers.get('pos:cart.scan');
    await scan?.(invokeEvent(win.webContents.id, win.webContents.mainFrame), { code: '123' });
    expect(second.dispatch).toHaveBeenCalledOnce();
    expect(first.dispatch).not.toHaveBeenCalled();
  });

  it('shows the static failure page, without IPC, when the store cannot be opened', async () => {
    const file = path.join(work, 'userData', 'data', 'pos.db');
    const f = installFakes(async () => {
      throw new PosFailure('STORAGE_BUSY', 'database is locked', { file });
    });
    runMain();
    f.fireReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created[0]?.loaded).toHaveLength(1));

    const win = FakeBrowserWindow.created[0] as FakeBrowserWindow;
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(win.options.webPreferences.javascript).toBe(false);
    expect(win.options.webPreferences.preload).toBeUndefined();
    const url = win.loaded[0] as string;
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    const html = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(html).toContain('data-failure-code="STORAGE_BUSY"');
    expect(html).toContain(file);
    expect(html).toContain('Nothing was deleted or changed');
    expect(f.ipcMain.handlers.size).toBe(0);
  });
});
