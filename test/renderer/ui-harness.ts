// Shared plumbing for the renderer's browser tests: build the renderer and the fake PosApi, serve the build,
// launch Debian's Chromium, and type like a keyboard-wedge device.
import { existsSync } from 'node:fs';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Why the browser tests cannot run here, or null. */
export const skipReason = existsSync(CHROMIUM)
  ? null
  : `renderer UI tests skipped: ${CHROMIUM} not found (apt-get install chromium)`;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export interface Harness {
  readonly browser: Browser;
  readonly baseUrl: string;
  /** the fake `window.pos`, as a script for page.addInitScript */
  readonly fakeScript: string;
  close(): Promise<void>;
}

/** Production build of the renderer into a temp folder (never touches dist/), plus the fake as an IIFE. */
async function buildAll(outDir: string): Promise<string> {
  await build({
    configFile: path.join(root, 'renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: path.join(root, 'test/renderer/fixtures/fake-pos.ts'),
        formats: ['iife'],
        name: 'fakePos',
      },
    },
  });
  const first = (Array.isArray(out) ? out[0] : out) as { output: { type: string; code?: string }[] };
  const script = first.output.find((o) => o.type === 'chunk')?.code ?? '';
  if (!script) throw new Error('fake pos bundle is empty');
  return script;
}

function serve(outDir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel =
      decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(outDir, rel);
    if (!file.startsWith(outDir)) return void res.writeHead(400).end();
    readFile(file).then(
      (data) =>
        res
          .writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
          .end(data),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function startHarness(): Promise<Harness> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'counterpos-renderer-'));
  const fakeScript = await buildAll(outDir);
  const server = await serve(outDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return {
    browser,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    fakeScript,
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

export { keyBurst } from '../support/key-burst';
