// Electron entry point: wires the plain-Node modules next to it to the real Electron APIs. Keep it thin —
// every decision lives in a module that is unit-tested with fakes.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { openShellLog, type ShellLog } from '../startup/shell-log';
import { createAppRunner, type AppState } from '../startup/app-runner';
import { openSystemUsb } from '../startup/system-usb';
import type { Host, Logger } from '../host-types';
import { APP_SCHEME, entryUrl, isAppUrl } from './app-origin';
import { bridgeHostEvents, type EventBridge } from './events';
import { registerIpc } from './ipc';
import { acquireSingleInstance, installQuitHandling, userDataDirFromArgv, wantsKiosk } from './lifecycle';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { hardenSession, installWebContentsHardening } from './security';
import { safeStorageProtector } from './key-protector';
import { handleSquirrelEvent } from './squirrel';
import { renderStartupFailurePage, toDataUrl } from '../startup/failure-page';
import { onPercentChange, renderStartupProgressPage, type StartupProgress } from '../startup/progress';
import type { StartupFailure } from '../host-types';
import { failureWindowOptions, loadAndShow, mainWindowOptions, reloadWhenRendererGone } from './window';

// The console until the log file in the data folder is open (start()), then that file: a packaged app on
// Windows has no console, and "see the log" must point somewhere.
let sink: Logger = (level, message, fields) => console[level](`[shell] ${message}`, fields ?? '');
const log: Logger = (level, message, fields) => sink(level, message, fields);
let shellLog: ShellLog | null = null;

// Forge defines these at build time; `typeof` keeps a build without the define from throwing.
const devServerUrl =
  typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL !== ''
    ? MAIN_WINDOW_VITE_DEV_SERVER_URL
    : null;
const rendererName = typeof MAIN_WINDOW_VITE_NAME === 'string' ? MAIN_WINDOW_VITE_NAME : 'main_window';
const isOurs = (url: string): boolean => isAppUrl(url, devServerUrl);

let mainWindow: BrowserWindow | null = null;
let failureWindow: BrowserWindow | null = null;
let progressWindow: BrowserWindow | null = null;
let host: Host | null = null;
let disposeIpc: (() => void) | null = null;
let events: EventBridge | null = null;

const isInstallerRun = handleSquirrelEvent({
  platform: process.platform,
  argv: process.argv,
  execPath: process.execPath,
  spawn,
  quit: () => app.quit(),
});
if (!isInstallerRun) boot();

/** Everything that must happen before `ready`, then the single-instance gate. */
function boot(): void {
  // Before anything touches userData (the single-instance lock lives there).
  const userDataOverride = userDataDirFromArgv(process.argv);
  if (userDataOverride !== null) app.setPath('userData', path.resolve(userDataOverride));

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
  installWebContentsHardening(app, isOurs, log);

  if (!acquireSingleInstance(app, () => mainWindow ?? failureWindow ?? progressWindow)) {
    app.quit();
    return;
  }
  installQuitHandling({
    app,
    getWindow: () => mainWindow,
    shutdown: async () => {
      disposeIpc?.();
      events?.dispose();
      const closing = host;
      host = null;
      await closing?.close();
      await shellLog?.dispose();
    },
    log,
  });
  app
    .whenReady()
    .then(start, (error: unknown) => log('error', 'app failed to get ready', { error: String(error) }));
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  // Packaged tills get no menu: no reload / DevTools accelerators for the cashier to hit by accident.
  if (app.isPackaged && process.platform !== 'darwin') Menu.setApplicationMenu(null);

  // Built layout: .vite/build/main.cjs (this file), .vite/build/preload.cjs, .vite/renderer/<name>/index.html
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rootDir: path.join(__dirname, '..', 'renderer', rendererName) }),
  );

  const dataDir = path.join(app.getPath('userData'), 'data');
  // Uncaught exceptions and rejections are written there too; in development every line also goes to stdout.
  shellLog = await openShellLog({ dataDir, shell: 'electron', stdout: !app.isPackaged });
  sink = shellLog.log;
  const pinKeyProtector = safeStorageProtector(safeStorage);
  if (!pinKeyProtector) log('warn', 'no OS key store: the PIN key stays a 0600 file in the data folder');
  // A settings change restarts the host in place (main/startup/app-runner.ts); the window reloads onto it.
  const runner = createAppRunner(
    {
      dataDir,
      ...(pinKeyProtector ? { pinKeyProtector } : {}),
      log: shellLog.log,
      // Where a configured USB printer is found, and what the device settings list.
      usb: await openSystemUsb((error) => log('warn', 'no USB access: USB printers unavailable', { error })),
      onStartupProgress: onPercentChange(showStartupProgress),
    },
    (state) => void onRestarted(state, dataDir),
  );
  const started = await runner.start();
  closeStartupProgress();
  if (!('host' in started)) {
    if ('failure' in started) {
      log('error', 'host failed to start', { ...started.failure });
      await showStartupFailure(started.failure, dataDir);
    }
    return;
  }
  attachHost(started.host);

  const win = new BrowserWindow(
    mainWindowOptions({
      preloadPath: path.join(__dirname, 'preload.cjs'),
      kiosk: wantsKiosk(process.argv),
      devTools: !app.isPackaged,
    }),
  );
  mainWindow = win;
  reloadWhenRendererGone(win, log);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  events?.attach(win);
  await loadAndShow(win, entryUrl(devServerUrl), log);
}

/** Serves `next` over IPC and events (the first start, and each restart). */
function attachHost(next: Host): void {
  disposeIpc?.();
  events?.dispose();
  host = next;
  disposeIpc = registerIpc({ ipcMain, getMainWindow: () => mainWindow, host: next, isAppUrl: isOurs, log });
  events = bridgeHostEvents(next);
}

/** After a restart: the window reloads onto the new host, or the failure page replaces it. */
async function onRestarted(state: AppState, dataDir: string): Promise<void> {
  if (mainWindow === null || 'starting' in state) return; // the first start is handled by start()
  if ('host' in state) {
    if (state.host === host) return;
    attachHost(state.host);
    events?.attach(mainWindow);
    mainWindow.reload();
    return;
  }
  log('error', 'host failed to restart', { ...state.failure });
  mainWindow.destroy();
  mainWindow = null;
  await showStartupFailure(state.failure, dataDir);
}

/** A long start (the backup before an update): the static progress page, reloaded at each new percent. */
function showStartupProgress(progress: StartupProgress): void {
  progressWindow ??= new BrowserWindow({ ...failureWindowOptions(), title: 'CounterPOS' });
  progressWindow
    .loadURL(toDataUrl(renderStartupProgressPage(progress)))
    .catch((error: unknown) => log('warn', 'progress page did not load', { error: String(error) }));
}

function closeStartupProgress(): void {
  progressWindow?.destroy();
  progressWindow = null;
}

/** Shows the static failure page instead of the app. Nothing on disk is touched. */
async function showStartupFailure(failure: StartupFailure, dataDir: string): Promise<void> {
  const html = renderStartupFailurePage(failure, { dataDir });
  const win = new BrowserWindow(failureWindowOptions());
  failureWindow = win;
  win.on('closed', () => {
    failureWindow = null;
  });
  try {
    await win.loadURL(toDataUrl(html));
  } catch (loadError) {
    log('error', 'failure page did not load', { error: String(loadError) });
  }
}
