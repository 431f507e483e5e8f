// App lifecycle: one instance per machine user, focus on relaunch, quit when the window closes, and close the
// host (flushing SQLite) before the process exits.
import type { Logger as Log } from '../host-types';

export interface PreventableEventLike {
  preventDefault(): void;
}

export interface LifecycleAppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance' | 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: PreventableEventLike) => void): unknown;
}

export interface FocusableWindowLike {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface LifecycleOptions {
  readonly app: LifecycleAppLike;
  readonly getWindow: () => FocusableWindowLike | null;
  /** Closes the host; awaited (up to `shutdownTimeoutMs`) before the app really quits. */
  readonly shutdown: () => Promise<void>;
  readonly shutdownTimeoutMs?: number;
  readonly log?: Log;
}

/**
 * Takes the single-instance lock. A second launch only focuses the running till: two processes must never
 * open the same database. Returns false when another instance owns the lock (the caller quits).
 */
export function acquireSingleInstance(
  app: LifecycleAppLike,
  getWindow: () => FocusableWindowLike | null,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const win = getWindow();
    if (win === null || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}

export function installQuitHandling(options: LifecycleOptions): void {
  const { app, shutdown, log } = options;
  const timeoutMs = options.shutdownTimeoutMs ?? 5000;
  // A till has no "keep running in the dock" mode: closing the window ends the app on every platform.
  app.on('window-all-closed', () => app.quit());

  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log?.('warn', 'host did not close in time; quitting anyway', { timeoutMs });
        resolve();
      }, timeoutMs);
    });
    void Promise.race([shutdown(), timeout])
      .catch((error: unknown) => log?.('error', 'host close failed', { error: String(error) }))
      .finally(() => {
        clearTimeout(timer);
        state = 'closed';
        app.quit();
      });
  });
}

/** `--user-data-dir=<dir>`: run against another data folder (support copies, smoke tests). */
export function userDataDirFromArgv(argv: readonly string[]): string | null {
  const prefix = '--user-data-dir=';
  const arg = argv.find((a) => a.startsWith(prefix));
  const dir = arg?.slice(prefix.length) ?? '';
  return dir === '' ? null : dir;
}

/** `--kiosk`: full screen without window chrome, for dedicated counter terminals. */
export const wantsKiosk = (argv: readonly string[]): boolean => argv.includes('--kiosk');
