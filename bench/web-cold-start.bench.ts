// (c) Web host cold start: from spawning `main/web/cli.ts` on a fresh data folder (config, database,
// migrations, demo catalog, search index) to the first rendered cart in Chromium. Baseline, same run and
// same browser: a bare Node static-file server process spawned the same way, serving the same built
// renderer files, to that page's first paint of its root element.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { performance } from 'node:perf_hooks';
import {
  ensureRendererBuilt,
  hasChromium,
  launchChromium,
  repoRoot,
  startWebHostProcess,
} from '../test/support/web-till';
import { percentile, type BenchReport } from './lib';

const ROUNDS = 5;

const BARE_SERVER = `
const http = require('node:http'), fs = require('node:fs'), path = require('node:path');
const root = process.argv[1];
const s = http.createServer((q, r) => {
  const p = path.join(root, q.url === '/' ? 'index.html' : q.url.split('?')[0]);
  fs.readFile(p, (e, d) => { if (e) { r.writeHead(404).end(); return; }
    r.writeHead(200, { 'content-type': p.endsWith('.js') ? 'text/javascript' : p.endsWith('.css') ? 'text/css' : 'text/html' }).end(d); });
});
s.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: s.address().port })));`;

async function bareServer(): Promise<{ port: number; kill: () => void }> {
  const child = spawn(process.execPath, ['-e', BARE_SERVER, path.join(repoRoot, 'dist/renderer')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) =>
    readline.createInterface({ input: child.stdout }).once('line', resolve),
  );
  return { port: (JSON.parse(line) as { port: number }).port, kill: () => child.kill('SIGKILL') };
}

export default async function run(): Promise<BenchReport> {
  if (!hasChromium) return { name: 'web cold start: SKIPPED (no /usr/bin/chromium)', rows: [] };
  ensureRendererBuilt();
  const browser = await launchChromium();
  const host: number[] = [];
  const bare: number[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-cold-'));
      const page = await browser.newPage();
      let t0 = performance.now();
      const web = await startWebHostProcess(dataDir);
      await page.goto(web.url);
      await page.locator('[data-testid="cart-empty"], [data-testid="cart-lines"]').first().waitFor();
      host.push(performance.now() - t0);
      await web.kill();
      await page.close();
      fs.rmSync(dataDir, { recursive: true, force: true });

      const page2 = await browser.newPage();
      t0 = performance.now();
      const srv = await bareServer();
      // The bare page cannot reach main, so it stops at the root element the app mounts into.
      await page2.goto(`http://127.0.0.1:${srv.port}/`);
      await page2.locator('#root').waitFor({ state: 'attached' });
      bare.push(performance.now() - t0);
      srv.kill();
      await page2.close();
    }
  } finally {
    await browser.close();
  }
  return {
    name: `web host cold start to first rendered cart (${ROUNDS} rounds, fresh data folder each)`,
    rows: [
      {
        metric: 'cold start p50',
        value: percentile(host, 50),
        unit: 'ms',
        baseline: { name: 'bare Node static server + page load p50', value: percentile(bare, 50) },
      },
      { metric: 'cold start max', value: Math.max(...host), unit: 'ms' },
    ],
  };
}
