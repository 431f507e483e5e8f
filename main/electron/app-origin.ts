// Where the app's own pages live. Everything else (navigation, IPC senders) is compared against this.
// A custom *standard* scheme gives the renderer a real, stable origin (app://pos) without file:// privileges.

export const APP_SCHEME = 'app';
export const APP_HOST = 'pos';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/**
 * True when `url` belongs to the app: app://pos/… in production, or the Vite dev server's origin in development.
 * Compared field by field because Node's URL reports origin "null" for non-special schemes like app:.
 */
export function isAppUrl(url: string, devServerUrl: string | null): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
  if (devServerUrl === null) return false;
  const dev = parse(devServerUrl);
  return dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:') && u.origin === dev.origin;
}

/** The page the main window loads. */
export function entryUrl(devServerUrl: string | null): string {
  return devServerUrl ?? APP_ENTRY_URL;
}
