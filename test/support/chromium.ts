// The one Chromium launcher for every browser test (renderer UI suites, end-to-end suites, the cold-start
// bench): Debian's Chromium through Playwright's executablePath. Never a downloaded browser.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
/** Printed by a suite that skips because the browser is absent. */
export const noChromiumMessage = `browser tests SKIPPED: ${CHROMIUM} not found (apt-get install chromium)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
