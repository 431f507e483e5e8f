// The renderer suites' page: a fresh real till (test/support/ui-till.ts) and a fresh browser context per test,
// any page error or console error (CSP violations included) failing the test, and the waits every suite uses.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Channel } from '../../main/api/contract';
import { launchChromium } from './chromium';
import { keyBurst } from './key-burst';
import { cleanup } from './temp-host';
import { startUiTill, type UiTill, type UiTillOptions } from './ui-till';

export interface UiPage {
  readonly page: Page;
  readonly till: UiTill;
  tid(id: string): Locator;
  /** Waits for the screen to catch up; generous because CI boxes are small and busy. */
  poll<T>(fn: () => Promise<T> | T): ReturnType<typeof expect.poll<T>>;
  /** What the screen sent on a channel (through the bridge), oldest first. */
  calls(channel: Channel): unknown[];
  burst(keys: readonly string[]): Promise<void>;
  /** A scanner burst, then waits until the app has acted on it (the host saw cart.scan). */
  scan(code: string): Promise<void>;
  focusedTestId(): Promise<unknown>;
  /** Answers the approval prompt, typed like a person. */
  approveAs(code: string, pin: string): Promise<void>;
}

/**
 * Registers the hooks of a renderer suite and returns its page handle (valid inside tests). `tillOptions` is
 * read per test (given the test's name), so a suite can give a till a gateway, a clock or its own config.
 */
export function useUiPage(tillOptions: (testName: string) => UiTillOptions = () => ({})): UiPage {
  let browser: Browser;
  let page: Page;
  let till: UiTill;
  let problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async (ctx) => {
    till = await startUiTill(tillOptions(ctx.task.name));
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
    page.setDefaultTimeout(8_000); // fail at the step that broke, well inside the test timeout
    problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // A <meta> CSP cannot carry frame-ancestors; Chromium says so. The web host also sends it as a header.
      if (m.type() === 'error' && !m.text().includes("'frame-ancestors'")) problems.push(m.text());
    });
    await page.goto(till.url);
    await page.getByTestId('store-name').waitFor();
    // The scanner listens from an effect that runs after the first paint: keys sent before it are lost.
    await page.locator('html[data-scanner="ready"]').waitFor();
  });
  afterEach(async () => {
    await page?.context().close();
    await till?.close();
    await cleanup();
    expect(problems).toEqual([]);
  });

  const tid = (id: string): Locator => page.getByTestId(id);
  const calls = (channel: Channel): unknown[] => till.calls(channel);
  const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 8_000 });
  const focusedTestId = () => page.evaluate('document.activeElement?.getAttribute("data-testid") ?? null');
  return {
    get page() {
      return page;
    },
    get till() {
      return till;
    },
    tid,
    poll,
    calls,
    burst: (keys) => keyBurst(page, keys),
    async scan(code) {
      const before = calls('cart.scan').length;
      await keyBurst(page, [...code, 'Enter']);
      try {
        await poll(() => calls('cart.scan').length).toBeGreaterThan(before);
      } catch (e) {
        // Say what the page was doing, so a lost burst can be told from a slow render.
        const facts = await page.evaluate(
          `JSON.stringify({ scanner: document.documentElement.dataset.scanner ?? null, focus: document.hasFocus(),
            active: document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName })`,
        );
        throw new Error(`scan of ${code} never reached cart.scan: ${String(facts)}`, { cause: e });
      }
    },
    focusedTestId,
    async approveAs(code, pin) {
      await tid('approval-dialog').waitFor();
      await page.keyboard.type(code, { delay: 60 });
      await page.keyboard.press('Tab');
      await page.keyboard.type(pin, { delay: 60 });
      await page.keyboard.press('Enter');
    },
  };
}
