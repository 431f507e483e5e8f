// `npm run web`: the unchanged renderer in any Chromium, served from this machine only. Same service graph
// as the Electron app (createHost), plain-Node ports. If the store cannot be opened, it serves a clear
// failure page instead (and touches no file), exactly like the desktop shell.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { BRIDGE_PATH } from '../api/bridge-protocol';
import type { Host, StartupFailure } from '../host-types';
import { cookieToken, hostAllowed, newToken, originAllowed, sessionCookie, tokenMatches } from './auth';
import { serveBridge } from './bridge';
import { FAILURE_PAGE_CSP, renderStartupFailurePage } from '../startup/failure-page';
import { renderStartupProgressPage, type StartupProgress } from '../startup/progress';
import { resolveStatic, securityHeaders, sendFile } from './static-files';

export interface WebHostOptions {
  readonly port: number; // 0 = any free port
  readonly staticDir: string;
  /** Shown on the startup-failure page. */
  readonly dataDir: string;
  readonly token?: string;
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** What the web host serves: the app, the failure page, or (still starting) the progress page. */
export type WebApp =
  | { readonly host: Host }
  | { readonly failure: StartupFailure }
  | { readonly starting: StartupProgress | null };

export interface WebHost {
  readonly url: string; // with the token, to open once
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
  /** Closes every open bridge (the host behind them is restarting); pages reconnect or reload. */
  dropBridges(): void;
}

/** `app` may be a function: the host is listening (showing start-up progress) before the app is ready. */
export async function startWebHost(app: WebApp | (() => WebApp), options: WebHostOptions): Promise<WebHost> {
  const current = (): WebApp => (typeof app === 'function' ? app() : app);
  const token = options.token ?? newToken();
  const log = options.log ?? (() => undefined);
  const root = path.resolve(options.staticDir);
  let port = options.port;

  const server = http.createServer((req, res) => {
    const headers = securityHeaders(port);
    if (!hostAllowed(req, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('Wrong host');
      return;
    }
    const url = requestUrl(req.url, port);
    if (url === null) {
      res
        .writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', ...headers })
        .end('Bad request target');
      return;
    }
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!tokenMatches(token, given)) {
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('Wrong token');
        return;
      }
      res.writeHead(303, { Location: '/', 'Set-Cookie': sessionCookie(token), ...headers }).end();
      return;
    }
    if (!tokenMatches(token, cookieToken(req))) {
      res
        .writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', ...headers })
        .end('Open the address printed by `npm run web` (it carries this session’s token).');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    const state = current();
    if ('starting' in state) {
      // Reloads itself each second (the page runs no script) until the app is there.
      const page = renderStartupProgressPage(state.starting ?? { step: 'backup', done: 0, total: 0 }, {
        refreshSeconds: 1,
      });
      res
        .writeHead(503, {
          ...headers,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': FAILURE_PAGE_CSP,
          'Cache-Control': 'no-store',
        })
        .end(page);
      return;
    }
    if ('failure' in state) {
      const page = renderStartupFailurePage(state.failure, { dataDir: options.dataDir });
      res
        .writeHead(503, {
          ...headers,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': FAILURE_PAGE_CSP,
        })
        .end(page);
      return;
    }
    const file = resolveStatic(root, url.pathname);
    if (!file) {
      res.writeHead(400, headers).end();
      return;
    }
    sendFile(res, file, port);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const state = current();
    const host = 'host' in state ? state.host : null;
    const authorised =
      requestUrl(req.url, port)?.pathname === BRIDGE_PATH &&
      host !== null &&
      hostAllowed(req, port) &&
      originAllowed(req, port) &&
      tokenMatches(token, cookieToken(req));
    if (!authorised || host === null) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveBridge(ws, host, log));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    dropBridges: () => {
      for (const c of wss.clients) c.terminate();
    },
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/**
 * The request target as a URL, or null. Node's HTTP parser lets through targets that `new URL` rejects
 * (`//[`, `http://`): unchecked, that throw would escape the request handler and stop the host.
 */
function requestUrl(target: string | undefined, port: number): URL | null {
  const raw = target ?? '/';
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  try {
    return new URL(raw, `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}
