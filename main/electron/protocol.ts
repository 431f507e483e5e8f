// The app:// protocol: serves the built renderer from the packaged folder, nothing else.
// Plain Node (global Request/Response + fs), so it is tested without Electron.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Sent on every app:// response, errors included. The renderer must not need inline script or style. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Passed to `protocol.registerSchemesAsPrivileged` before `ready`. `standard` gives app://pos a real origin
 * (relative URLs, same-origin checks); `secure` makes it a secure context so ES modules load; `codeCache`
 * keeps V8's cache for faster starts. No bypassCSP, no CORS, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
];

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

export const mimeTypeFor = (file: string): string =>
  MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

const baseHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // Files change only with a new build; no-cache keeps a hot-patched dev folder honest too.
  'Cache-Control': 'no-cache',
});

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });

export interface ProtocolRequest {
  readonly url: string;
  readonly method: string;
}

export interface AppProtocolOptions {
  /** Absolute path of the built renderer folder (the one holding index.html). */
  readonly rootDir: string;
  /** Injected for tests; defaults to fs.readFile. */
  readonly read?: (file: string) => Promise<Uint8Array>;
}

/**
 * Maps an app:// URL to a file strictly inside `rootDir`, or returns an HTTP status explaining the refusal.
 * Decoding happens before the checks so `%2e%2e%2f`, `..%5c` and friends are caught too.
 */
export function resolveAppPath(rootDir: string, url: string): { file: string } | { status: 400 | 403 | 404 } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host.toLowerCase() !== APP_HOST) return { status: 404 };

  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0')) return { status: 400 };
  // Backslashes are separators on Windows; a URL never needs them. Any ".." segment is refused outright.
  if (decoded.includes('\\') || decoded.split('/').some((segment) => segment === '..'))
    return { status: 403 };

  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  // Belt and braces: whatever the string games, the result must stay under root.
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  return { file };
}

/** The handler given to `protocol.handle('app', …)`. Never throws; every response carries the CSP. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: ProtocolRequest) => Promise<Response> {
  const read = options.read ?? ((file: string) => readFile(file));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const target = resolveAppPath(options.rootDir, request.url);
    if ('status' in target) {
      const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[target.status];
      return plain(target.status, text);
    }
    let body: Uint8Array;
    try {
      body = await read(target.file);
    } catch {
      // ENOENT, EISDIR, EACCES: all look the same from the page's side.
      return plain(404, 'Not Found');
    }
    const headers = { ...baseHeaders(), 'Content-Type': mimeTypeFor(target.file) };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
