// `npm run screenshots`: regenerates the README's pictures from the real web host in Debian's Chromium,
// on a throwaway data folder in training mode.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO, demoScaleLabel } from '../../main/catalog/demo';
import {
  ensureRendererBuilt,
  launchChromium,
  repoRoot,
  scan,
  startWebHostProcess,
} from '../support/web-till';

const out = path.join(repoRoot, 'docs', 'screenshots');
fs.mkdirSync(out, { recursive: true });
ensureRendererBuilt();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-shots-'));
const web = await startWebHostProcess(dataDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(web.url);
  await page.locator('[data-testid="cart-empty"]').waitFor();
  for (const code of [DEMO.cola.barcode, DEMO.cola.barcode, DEMO.noodles.barcode, DEMO.milk.barcode]) {
    await scan(page, code);
    await page.waitForTimeout(150);
  }
  await scan(page, demoScaleLabel('apples', 1235));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'cashier-zh-CN.png') });

  await page.keyboard.press('F12');
  await page.locator('[data-testid="tender-amount"]').fill('50');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="sale-complete"]').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'sale-complete-zh-CN.png') });

  // A manager refunds one of the two colas from the receipts screen (Shift+F7, F9).
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="cart-empty"]').waitFor();
  await page.keyboard.press('Shift+F7');
  await page.locator('[data-testid="receipts-row"]').first().click();
  await page.keyboard.press('F9');
  await page.locator('[data-testid="refund-line"]').first().waitFor();
  await page.locator('[data-testid="refund-more"]').first().click();
  await page.locator('[data-testid="refund-reason"][data-reason="defective"]').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'refund-zh-CN.png') });
  console.log(`screenshots written to ${path.relative(repoRoot, out)}`);
} finally {
  await browser.close();
  await web.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
