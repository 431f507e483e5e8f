// The payments story of issue 4 in Chromium against the real web host process, with the sandbox gateway
// running in this test (its own SQLite ledger) so it can be cut off and brought back:
// an emulated swipe approved online; the gateway cut off → an offline sale within limits (the customer's
// contact asked for) → a sale over the limit refused → the gateway back → the stored payment forwarded and
// approved, the status bar back to online; a QR payment through "user paying" to success; a decline after
// forwarding shows up for the manager.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { buildVariableMeasureBarcode, DEFAULT_PRICE_RULE } from '../../main/catalog/variable-measure';
import { TRAINING_CARDS } from '../../main/payments/card/training-cards';
import {
  ensureRendererBuilt,
  gatewayState,
  hasChromium,
  launchChromium,
  openTill,
  scan,
  startWebHostProcess,
  tid,
  type WebHostProcess,
} from '../support/web-till';
import { tillGateway } from '../support/till-gateway';

const SECRET = Buffer.alloc(32, 5);

describe.skipIf(!hasChromium)('card and QR payments through the cashier screen, online and offline', () => {
  let browser: Browser;
  let web: WebHostProcess | null = null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-offline-'));
  const dataDir = path.join(dir, 'till');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(path.join(dir, 'gw'));
  const gw = tillGateway({
    dataDir: path.join(dir, 'gw'),
    secret: SECRET,
    qrTiming: { confirmAfterQueries: 2, confirmAfterMs: 60_000 },
  });

  beforeAll(async () => {
    ensureRendererBuilt();
    browser = await launchChromium();
    await gw.up();
    gw.configureTill(dataDir);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.kill();
    await gw.down();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Opens the card dialog and swipes a test card. The contact is typed whenever the dialog asks for it: up
   * front when the till already knows it is offline, or after the swipe when the gateway turned out to be
   * unreachable (then the same payment waits for a second swipe).
   */
  async function payByCard(page: Page, card: string, contact = '13800000000'): Promise<void> {
    await page.keyboard.press('Shift+F12');
    const contactField = page.locator(tid('card-contact'));
    const prompt = page.locator(tid('card-swipe-prompt'));
    const done = page.locator(tid('sale-complete')).or(page.locator(tid('payment-refused')));
    for (let step = 0; step < 4; step++) {
      await contactField.or(prompt).or(done).first().waitFor();
      if (await done.first().isVisible()) return;
      if (await contactField.isVisible()) {
        await contactField.fill(contact);
        await page.keyboard.press('Enter');
        await prompt.or(done).first().waitFor();
        continue;
      }
      await page.locator(`${tid('test-card')}[data-card="${card}"]`).click();
      await contactField.or(done).first().waitFor();
    }
  }

  it(
    'online, offline within and over the limits, forward, QR user-paying, and a decline after forwarding',
    { timeout: 120_000 },
    async () => {
      web = await startWebHostProcess(dataDir, ['--fast-sync']);
      const page = await openTill(browser, web.url, { timeoutMs: 15_000 });
      await expect.poll(() => gatewayState(page)).toBe('online');

      // 1. Online: approved.
      await scan(page, DEMO.cola.barcode);
      await page.locator(tid('cart-line')).waitFor();
      await payByCard(page, 'visa');
      await page.locator(tid('sale-complete')).waitFor();
      expect(await page.locator(tid('complete-tender')).getAttribute('data-stored')).toBe('false');
      await page.keyboard.press('Enter');
      await page.locator(tid('cart-empty')).waitFor();
      expect((gw.current()?.ledger.payments('T01') ?? []).map((p) => p.status)).toEqual(['approved']);

      // 2. The gateway is cut off: a sale within the limits is stored, with the customer's contact.
      await gw.down();
      await scan(page, DEMO.water.barcode);
      await page.locator(tid('cart-line')).waitFor();
      await payByCard(page, 'visa', '13900000000');
      await page.locator(tid('sale-complete')).waitFor();
      expect(await page.locator(tid('complete-tender')).getAttribute('data-stored')).toBe('true');
      await page.keyboard.press('Enter');
      await expect.poll(() => gatewayState(page)).toBe('offline');
      await expect.poll(() => page.locator(tid('status-payments')).getAttribute('data-count')).toBe('1');

      // 3. Over the per-payment cap (200.00): refused, clearly; the cart is then cleared.
      await scan(page, DEMO.milk.barcode);
      await page.locator(tid('cart-line')).first().click();
      await page.keyboard.press('F3');
      await page.locator(tid('quantity-input')).fill('100');
      await page.keyboard.press('Enter');
      await page.locator(tid('quantity-dialog')).waitFor({ state: 'detached' });
      expect(Number(await page.locator(tid('total-due')).getAttribute('data-minor'))).toBeGreaterThan(20_000);
      await payByCard(page, 'visa', '13900000000');
      await expect
        .poll(() => page.locator(tid('payment-refused')).getAttribute('data-code'))
        .toBe('OFFLINE_LIMIT');
      expect(await page.locator(tid('payment-refused')).innerText()).toMatch(/200\.00/);
      await page.keyboard.press('Escape');
      await page.locator(tid('card-dialog')).waitFor({ state: 'detached' });
      await page.keyboard.press('F9');
      await page.locator(tid('clear-dialog')).waitFor();
      await page.keyboard.press('Enter');
      await page.locator(tid('cart-empty')).waitFor();

      // 4. A stolen card taken offline (within limits): stored now, declined when forwarded.
      await scan(page, DEMO.chips.barcode);
      await page.locator(tid('cart-line')).waitFor();
      await payByCard(page, 'stolen', '13700000000');
      await page.locator(tid('sale-complete')).waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator(tid('status-payments')).getAttribute('data-count')).toBe('2');

      // 5. The gateway is back: both stored payments are forwarded; the status bar is online again with nothing
      // waiting; the decline after forwarding is a manager alert.
      await gw.up();
      await expect.poll(() => gatewayState(page), { timeout: 20_000 }).toBe('online');
      await expect.poll(() => page.locator(tid('status-payments')).count(), { timeout: 20_000 }).toBe(0);
      const byStatus = (gw.current()?.ledger.payments('T01') ?? [])
        .map((p) => `${p.last4}:${p.status}`)
        .sort();
      expect(byStatus).toEqual(
        [
          `${TRAINING_CARDS.visa.pan.slice(-4)}:approved`,
          `${TRAINING_CARDS.visa.pan.slice(-4)}:approved`,
          `${TRAINING_CARDS.stolen.pan.slice(-4)}:declined`,
        ].sort(),
      );
      await expect
        .poll(() => page.locator(tid('status-alerts')).getAttribute('data-count'), { timeout: 20_000 })
        .toBe('1');
      await page.keyboard.press('Shift+F1');
      await expect
        .poll(() => page.locator(`${tid('recovery-row')}[data-state="forward_declined"]`).count())
        .toBe(1);
      await page.keyboard.press('Escape');

      // 6. QR: a price-embedded label makes the total end in .02, which the sandbox answers "user paying" and
      // then success once the customer confirms (on the second query).
      const label = buildVariableMeasureBarcode(DEFAULT_PRICE_RULE, DEMO.apples.scaleItemCode, 1002);
      await scan(page, label);
      await expect.poll(() => page.locator(tid('total-due')).getAttribute('data-minor')).toBe('1002');
      await scan(page, '134567890123456789'); // the customer's WeChat Pay code
      await page.locator(tid('qr-dialog')).waitFor();
      await expect
        .poll(() => page.locator(tid('payment-waiting')).getAttribute('data-state'))
        .toBe('user_paying');
      await page.locator(tid('sale-complete')).waitFor();
      expect(await page.locator(tid('complete-tender')).getAttribute('data-kind')).toBe('qr');
      expect(
        gw
          .current()
          ?.ledger.qrOrders('T01')
          .map((o) => o.status),
      ).toEqual(['success']);
      expect(await page.locator('body').innerText()).not.toContain('134567890123456789');

      await page.close();
    },
  );
});
