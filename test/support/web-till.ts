// Shared by the end-to-end tests and the cold-start benchmark: the real web host as a child process
// (so it can be SIGKILLed), and Debian's Chromium driven by Playwright. Never downloads a browser.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import { keyBurst } from './key-burst';

export { CHROMIUM, hasChromium, launchChromium } from './chromium';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** CSS selector of a `data-testid` (docs/keyboard.md lists them). */
export const tid = (id: string): string => `[data-testid="${id}"]`;

/** Builds the renderer once if `npm test` has not already done so (running one test file alone). */
export function ensureRendererBuilt(): void {
  if (fs.existsSync(path.join(repoRoot, 'dist/renderer/index.html'))) return;
  const r = spawnSync(
    path.join(repoRoot, 'node_modules/.bin/vite'),
    ['build', '--config', 'renderer/vite.config.ts'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('renderer build failed');
}

export interface WebHostProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  readonly failure: boolean;
  /** Everything the process printed, for assertions (no card data, startup failures). */
  readonly output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startWebHostProcess(dataDir: string, extra: string[] = []): Promise<WebHostProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/web/cli.ts', '--data', dataDir, '--port', '0', ...extra],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  if (!child.stdout) throw new Error('web host has no stdout');
  const lines = readline.createInterface({ input: child.stdout });
  const ready = await new Promise<{ url: string; port: number; failure: boolean }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${out}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${out}`));
    });
    lines.on('line', (line) => {
      out += line + '\n';
      if (line.startsWith('{"event":"ready"')) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string; port: number; failure: boolean });
      }
    });
  });
  child.removeAllListeners('exit');
  return {
    child,
    ...ready,
    output: () => out,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/**
 * A keyboard-wedge scanner: the code and Enter, with device timestamps a few ms apart (as the OS stamps a
 * real scanner's keys), sent to whatever has focus — usually nothing in particular.
 */
export async function scan(page: Page, code: string): Promise<void> {
  // The scanner listens from an effect that runs after the first paint: keys sent before it are lost.
  await page.locator('html[data-scanner="ready"]').waitFor();
  return keyBurst(page, [...code, 'Enter']);
}

/** The cashier screen of a running till, loaded and empty. */
export async function openTill(
  browser: Browser,
  url: string,
  opts: { timeoutMs?: number } = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (opts.timeoutMs !== undefined) page.setDefaultTimeout(opts.timeoutMs);
  await page.goto(url);
  await page.locator(tid('cart-empty')).waitFor();
  return page;
}

/** Types like a person (a fast burst would be taken for a barcode scan). */
export const typeSlowly = (page: Page, text: string): Promise<void> =>
  page.keyboard.type(text, { delay: 70 });

/** Answers the manager approval prompt with an operator code and PIN, typed like a person. */
export async function approveAs(page: Page, code: string, pin: string): Promise<void> {
  await page.locator(tid('approval-dialog')).waitFor();
  await typeSlowly(page, code);
  await page.keyboard.press('Tab');
  await typeSlowly(page, pin);
  await page.keyboard.press('Enter');
}

/** The status bar's gateway slot: 'online', 'offline', 'not-configured' or 'error'. */
export const gatewayState = (page: Page): Promise<string | null> =>
  page.locator(tid('status-gateway')).getAttribute('data-state');

/**
 * A live till made ready to sell through its own screens: `who` signs in (the header's Sign in) and, when the
 * drawer has no shift yet, opens one on the counted `float` (Manage → Shift and cash), as a shop's morning goes.
 */
export async function signInAndOpenShift(
  page: Page,
  who: { readonly code: string; readonly pin: string },
  float: Readonly<Record<string, number>>,
): Promise<void> {
  // A restart keeps whoever was signed in (main/staff/signed-in.ts): only someone else signs in again.
  const current = await page.locator(tid('status-signed-in')).getAttribute('data-code');
  if (current !== who.code) {
    await page.locator(tid('sign-in-button')).click();
    if (current) await page.locator(tid('sign-in-switch')).click();
    await approveAs(page, who.code, who.pin);
  }
  await page.locator(`${tid('status-signed-in')}[data-code="${who.code}"]`).waitFor({ timeout: 10_000 });
  await page.locator(tid('manage-button')).click();
  await page.locator(`${tid('manage-entry')}[data-entry="shift"]`).click();
  const state = page.locator(tid('shift-state'));
  await state.waitFor();
  if ((await state.getAttribute('data-state')) !== 'open') {
    await page.locator(tid('shift-open')).click();
    await page.locator(tid('shift-count')).waitFor();
    for (const [id, n] of Object.entries(float)) {
      await page.locator(`${tid('shift-count-field')}[data-denomination="${id}"]`).fill(String(n));
    }
    await page.keyboard.press('Enter');
    await page.locator(`${tid('shift-state')}[data-state="open"]`).waitFor({ timeout: 10_000 });
  }
  await page.keyboard.press('Escape');
  await page.locator(tid('cart-empty')).waitFor();
}
