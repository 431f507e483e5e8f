// BrowserWindow options for the till and for the startup-failure screen, plus the small creation steps.
// Only options are decided here; main.ts passes them to the real BrowserWindow.

export interface WindowOptions {
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
  readonly show: boolean;
  readonly kiosk: boolean;
  readonly autoHideMenuBar: boolean;
  readonly backgroundColor: string;
  readonly title: string;
  readonly webPreferences: {
    readonly preload?: string;
    readonly contextIsolation: true;
    readonly sandbox: true;
    readonly nodeIntegration: false;
    readonly nodeIntegrationInWorker: false;
    readonly nodeIntegrationInSubFrames: false;
    readonly webSecurity: true;
    readonly allowRunningInsecureContent: false;
    readonly webviewTag: false;
    readonly spellcheck: false;
    readonly navigateOnDragDrop: false;
    readonly devTools: boolean;
    readonly javascript: boolean;
  };
}

const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  // A file dropped on the till must not replace the app.
  navigateOnDragDrop: false,
} as const;

export interface MainWindowConfig {
  /** Absolute path of the bundled preload (.vite/build/preload.cjs). */
  readonly preloadPath: string;
  /** Full-screen, no window chrome: for dedicated counter terminals (`--kiosk`). */
  readonly kiosk: boolean;
  /** DevTools only for unpackaged (developer) runs. */
  readonly devTools: boolean;
}

/** Counter screens are 1024×768 and up; the layout is designed for that minimum. */
export function mainWindowOptions(config: MainWindowConfig): WindowOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 768,
    show: false, // shown on ready-to-show: no white flash on a slow till
    kiosk: config.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    title: 'CounterPOS',
    webPreferences: {
      ...secureWebPreferences,
      preload: config.preloadPath,
      devTools: config.devTools,
      javascript: true,
    },
  };
}

/** The failure page is static HTML: no preload, no bridge, and JavaScript switched off entirely. */
export function failureWindowOptions(): WindowOptions {
  return {
    width: 900,
    height: 700,
    minWidth: 640,
    minHeight: 480,
    show: true,
    kiosk: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    title: 'CounterPOS — 无法启动 / Cannot start',
    webPreferences: { ...secureWebPreferences, devTools: false, javascript: false },
  };
}

export interface ShowableWindowLike {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

/** Loads the page and shows the window once it has painted. Load errors are reported, not thrown. */
export async function loadAndShow(
  win: ShowableWindowLike,
  url: string,
  log?: (level: 'error', message: string, fields?: Record<string, unknown>) => void,
): Promise<void> {
  win.once('ready-to-show', () => win.show());
  try {
    await win.loadURL(url);
  } catch (error) {
    // Still show the window: a blank till is easier to diagnose than an invisible process.
    log?.('error', 'main window failed to load', { url, error: String(error) });
    win.show();
  }
}

/** What Electron says when a renderer process ends (`render-process-gone`'s details). */
export interface RendererGoneDetails {
  readonly reason: string;
  readonly exitCode: number;
}

export interface ReloadableWindowLike {
  readonly webContents: {
    on(
      event: 'render-process-gone',
      listener: (event: unknown, details: RendererGoneDetails) => void,
    ): unknown;
  };
  isDestroyed(): boolean;
  reload(): void;
}

/** Reloads after a renderer crash, at most this many times a minute (a page that crashes at once stays down). */
export const RENDERER_RELOADS_PER_MINUTE = 3;

/**
 * A renderer that crashed, ran out of memory or was killed is logged and the page reloaded, so the cashier
 * is not left with a blank till (the cart is in main: nothing is lost). A renderer that keeps crashing is
 * logged, not reloaded in a loop.
 */
export function reloadWhenRendererGone(
  win: ReloadableWindowLike,
  log: (level: 'error', message: string, fields?: Record<string, unknown>) => void,
  now: () => number = Date.now,
): void {
  const reloads: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    const fields = { reason: details.reason, exitCode: details.exitCode };
    if (details.reason === 'clean-exit' || win.isDestroyed()) {
      log('error', 'renderer process gone', fields);
      return;
    }
    const t = now();
    while (reloads.length > 0 && (reloads[0] ?? 0) <= t - 60_000) reloads.shift();
    const reload = reloads.length < RENDERER_RELOADS_PER_MINUTE;
    log(
      'error',
      reload ? 'renderer process gone: reloading' : 'renderer process gone again: not reloading',
      fields,
    );
    if (!reload) return;
    reloads.push(t);
    win.reload();
  });
}
