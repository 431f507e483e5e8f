// Hardening applied to every webContents and to the default session. The renderer only ever shows our own
// pages; anything that would open, navigate to or embed other content is refused here.
// Receives the few Electron objects it touches as parameters, so tests pass hand-written fakes.
import type { Logger as Log } from '../host-types';

export interface NavigationEventLike {
  readonly url: string;
  preventDefault(): void;
}

export interface PreventableEventLike {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (details: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

export interface AppLike {
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
}

/** Locks one webContents to the app's own pages. `isAllowedUrl` is the app-origin test (see app-origin.ts). */
export function hardenWebContents(
  contents: WebContentsLike,
  isAllowedUrl: (url: string) => boolean,
  log?: Log,
): void {
  const guard = (kind: string) => (details: NavigationEventLike) => {
    if (isAllowedUrl(details.url)) return;
    details.preventDefault();
    log?.('warn', `blocked ${kind}`, { url: details.url });
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-redirect', guard('redirect'));
  // No pop-ups of any kind: window.open, target=_blank, middle-click.
  contents.setWindowOpenHandler((details) => {
    log?.('warn', 'blocked window.open', { url: details.url });
    return { action: 'deny' };
  });
  // webviewTag is off already; refusing the attach keeps it off even if a preference slips.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log?.('warn', 'blocked <webview>');
  });
}

/** A till needs no camera, microphone, geolocation, notifications, HID/USB/serial from web code: deny all. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Hooks every webContents as it is created (windows, and anything we did not foresee). Call before `ready`. */
export function installWebContentsHardening(
  app: AppLike,
  isAllowedUrl: (url: string) => boolean,
  log?: Log,
): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAllowedUrl, log));
}
