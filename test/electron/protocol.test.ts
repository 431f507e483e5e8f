import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  resolveAppPath,
} from '../../main/electron/protocol';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let tmp: string;
let root: string;
let handler: ReturnType<typeof createAppProtocolHandler>;
const get = (url: string, method = 'GET') => handler({ url, method });

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-protocol-'));
  root = path.join(tmp, 'renderer', 'main_window');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>POS</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'noto.woff2'), 'font');
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, 'assets', 'a b.png'), 'png');
  // Files the renderer must never be able to read:
  fs.writeFileSync(path.join(tmp, 'renderer', 'secret.txt'), 'secret');
  fs.writeFileSync(path.join(tmp, 'pos.db'), 'database');
  handler = createAppProtocolHandler({ rootDir: root });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('declares app as a standard, secure scheme without CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(APP_SCHEME_PRIVILEGES[0]?.privileges).not.toHaveProperty('bypassCSP');
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
  });

  it('serves the built files with the right MIME type and the CSP header', async () => {
    const cases: [string, string, string][] = [
      ['app://pos/', 'text/html; charset=utf-8', '<!doctype html><title>POS</title>'],
      ['app://pos/index.html', 'text/html; charset=utf-8', '<!doctype html><title>POS</title>'],
      ['app://pos/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://pos/assets/index-abc.css?v=2', 'text/css; charset=utf-8', 'body{}'],
      ['app://pos/assets/noto.woff2', 'font/woff2', 'font'],
      ['app://pos/assets/logo.svg#x', 'image/svg+xml', '<svg/>'],
      ['app://pos/assets/a%20b.png', 'image/png', 'png'],
    ];
    for (const [url, type, body] of cases) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toBe(type);
      expect(res.headers.get('content-security-policy'), url).toBe(EXPECTED_CSP);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(await res.text(), url).toBe(body);
    }
  });

  it('rejects path traversal in every spelling, with the CSP header still set', async () => {
    const attempts = [
      'app://pos/..%2Fsecret.txt',
      'app://pos/..%2f..%2fpos.db',
      'app://pos/assets/..%2F..%2F..%2Fpos.db',
      'app://pos/%2e%2e%2fsecret.txt',
      'app://pos/..%5Csecret.txt',
      'app://pos/assets%5C..%5C..%5Csecret.txt',
      'app://pos/%2e%2e/%2e%2e/pos.db',
      'app://pos/index.html%00.png',
      'app://pos/%E0%A4%A',
      `app://pos/${encodeURIComponent(path.join(tmp, 'pos.db'))}`,
    ];
    for (const url of attempts) {
      const res = await get(url);
      expect([400, 403, 404], url).toContain(res.status);
      expect(res.headers.get('content-security-policy'), url).toBe(EXPECTED_CSP);
      const text = await res.text();
      expect(text, url).not.toContain('secret');
      expect(text, url).not.toContain('database');
    }
  });

  it('never resolves outside the root, whatever the URL', () => {
    for (const url of [
      'app://pos/../../etc/passwd',
      'app://pos/a/..%2F..%2F..%2Fetc/passwd',
      'app://pos//etc/passwd',
    ]) {
      const r = resolveAppPath(root, url);
      if ('file' in r) expect(r.file.startsWith(root + path.sep), url).toBe(true);
    }
    expect(resolveAppPath(root, 'app://pos/..%2Fx')).toEqual({ status: 403 });
    expect(resolveAppPath(root, 'app://pos/..%5Cx')).toEqual({ status: 403 });
  });

  it('answers 404 for other hosts and missing files, 405 for writes, and HEAD without a body', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://pos/missing.js')).status).toBe(404);
    expect((await get('app://pos/assets')).status).toBe(404); // a directory
    const post = await get('app://pos/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    const head = await get('app://pos/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
