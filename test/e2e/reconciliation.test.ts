// Reconciliation end to end (issue 14, "Done when"): on one business day a live till sells through its own
// screens in Chromium (wedge card swipes, WeChat and Alipay codes, a card refund at the till, a card payment
// stored offline while the gateway is down) and the sandbox gateway, a process of its own over pinned HTTPS,
// makes the rest happen through its admin interface (a charge the till never sent, a payment left out of the
// settlement, another amount settled, a refund at the merchant portal, the till's refund held back, the
// stored payment declined when forwarded, a fee). The day's settlement fetched on the reconciliation screen
// then has exactly one item of every class, with its reference and both amounts (read back over the page's
// bridge); the same day's WeChat and Alipay bills, written by the sandbox and imported on the screen, match
// the wallet payments. Every difference is then resolved on the screen with the manager's approval, and the
// reconciled day is on the Z.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportView } from '../../main/api/contract';
import type { ReconClass, ReconDayView, ResolutionAction } from '../../main/api/contract/reconciliation';
import { DEFAULT_STORE_TIME_ZONE } from '../../main/api/contract/settings';
import { DEMO } from '../../main/catalog/demo';
import { dateIn } from '../../main/reconciliation/day-window';
import { connectBridge, type BridgeClient } from '../support/bridge-client';
import { dateWithRoom } from '../support/business-day';
import { gatewayDifference, saveGatewayBill } from '../support/gateway-admin';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process';
import { liveShopOnGateway } from '../support/gateway-shop';
import { keyBurst } from '../support/key-burst';
import { CASHIER, journal, rows } from '../support/signed-in-till';
import {
  approveAs,
  gatewayState,
  hasChromium,
  openTill,
  scan,
  signInAndOpenShift,
  tid,
  type WebHostProcess,
} from '../support/web-till';
import {
  finishSale,
  refundWholeSale,
  webTillSuite,
  wedgeCardSale,
  type WebTillSuite,
} from '../support/web-till-suite';

if (!hasChromium) console.log('e2e: SKIPPED — /usr/bin/chromium is not installed (.ci/run installs it)');

const TOKEN = 'recon-e2e-admin';
const TERMINAL = 'T01';
const MANAGER = { code: '700', name: '王店长', role: 'manager', pin: '480259' } as const;
const APPROVAL = { operatorCode: MANAGER.code, pin: MANAGER.pin };
const TRACKS = [
  '%B4111111111111111^DOE/JOHN^30121010000000000000?',
  ';4111111111111111=30121010000000000000?',
] as const;
const WECHAT_CODE = '134567890123456789';
const ALIPAY_CODE = '281234567890123456';
const FLOAT = { 'note-5000': 1, 'coin-100': 10 } as const;
const GATEWAY_ARGS = ['--tls', '--admin-token', TOKEN];
/** The action a manager picks for each class (each fits it: RESOLUTION_FITS in the contract). */
const RESOLVE_WITH: Readonly<Record<Exclude<ReconClass, 'matched'>, ResolutionAction>> = {
  charged_no_sale: 'refund_online',
  sale_no_charge: 'settled_in_cash',
  amount_mismatch: 'write_off',
  status_mismatch: 'refund_online',
  refund_one_side: 'escalate_acquirer',
  declined_after_forward: 'settled_in_cash',
  fee: 'accept_fee',
};

/**
 * The day's payments are all made within the first test (its timeout), so it starts only with at least that
 * long (and a minute) left before midnight in the business zone (the gateway's and the till's default): else
 * the day's first payments would be settled on one date and its last on the next.
 */
const PRODUCE_MS = 300_000;
const DAY_ROOM_MS = PRODUCE_MS + 60_000;

interface Tender {
  readonly reference: string;
  readonly minor: number;
  readonly receiptNo: string;
}

describe.skipIf(!hasChromium)('reconciliation of a day in Chromium', () => {
  const suite: WebTillSuite = webTillSuite('pos-e2e-recon-');
  const gwDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-recon-gw-'));
  let dataDir = '';
  let gw: GatewayProcess | null = null;
  let web: WebHostProcess | null = null;
  let bridge: BridgeClient | null = null;

  beforeAll(async () => {
    dataDir = suite.dataDir();
    gw = await startGatewayProcess(gwDir, GATEWAY_ARGS);
    // The shop takes a wedge swipe offline (the default policy takes only a reader's own entry modes).
    const offlinePolicy = {
      entryModes: ['swipe', 'wedge-swipe', 'chip'] as ('swipe' | 'wedge-swipe' | 'chip')[],
    };
    await liveShopOnGateway(dataDir, gw, { staff: [MANAGER], config: { offlinePolicy } });
  }, 120_000);
  afterAll(() => {
    bridge?.close();
    gw?.child.kill();
    fs.rmSync(gwDir, { recursive: true, force: true });
  });

  const need = <T>(v: T | null, what: string): T => {
    if (v === null) throw new Error(`${what} is not running`);
    return v;
  };
  const difference = (d: Record<string, unknown>) =>
    gatewayDifference(need(gw, 'the gateway'), TOKEN, { terminalId: TERMINAL, ...d });

  /** The card or QR tender of the sale completed last: its attempt id is the reference the gateway knows. */
  const lastTender = (): Tender => {
    const [t] = rows<Tender>(
      dataDir,
      `SELECT t.attempt_id AS reference, t.amount_minor AS minor, s.receipt_no AS receiptNo
       FROM tenders t JOIN sales s ON s.id = t.sale_id WHERE t.kind != 'cash'
       ORDER BY s.completed_at DESC LIMIT 1`,
    );
    if (!t) throw new Error('no card or QR sale yet');
    return t;
  };

  async function cardSale(page: Page): Promise<Tender> {
    await wedgeCardSale(page, DEMO.water.barcode, TRACKS);
    return lastTender();
  }

  async function qrSale(page: Page, barcode: string, code: string): Promise<Tender> {
    await scan(page, barcode);
    await expect.poll(() => page.locator(tid('cart-line')).count()).toBe(1);
    await scan(page, code);
    await finishSale(page);
    return lastTender();
  }

  /**
   * A card sale while the gateway is down: the card dialog asks for the customer's contact (up front when the
   * till already knows it is offline, or after a swipe that found the gateway gone, then a second swipe).
   */
  async function offlineCardSale(page: Page): Promise<Tender> {
    await scan(page, DEMO.water.barcode);
    await expect.poll(() => page.locator(tid('cart-line')).count()).toBe(1);
    await page.keyboard.press('Shift+F12');
    const contact = page.locator(tid('card-contact'));
    const prompt = page.locator(tid('card-swipe-prompt'));
    const done = page.locator(tid('sale-complete'));
    const refused = page.locator(tid('payment-refused'));
    for (let step = 0; step < 4 && !(await done.isVisible()); step++) {
      await contact.or(prompt).or(done).first().waitFor({ timeout: 30_000 });
      if (await done.isVisible()) break;
      if (await contact.isVisible()) {
        await contact.fill('13900000000');
        await page.keyboard.press('Enter');
        await prompt.or(done).first().waitFor({ timeout: 30_000 });
        continue;
      }
      await keyBurst(
        page,
        TRACKS.flatMap((t) => [...t, 'Enter']),
      );
      await contact.or(done).or(refused).first().waitFor({ timeout: 30_000 });
      if (await refused.isVisible())
        throw new Error(`offline card payment refused: ${await refused.getAttribute('data-code')}`);
    }
    expect(await page.locator(tid('complete-tender')).getAttribute('data-stored')).toBe('true');
    await finishSale(page);
    return lastTender();
  }

  /** Receipts → the sale → F9: refunded in full to the card, with the manager's approval. */
  async function refundAtTill(page: Page, receiptNo: string): Promise<void> {
    await refundWholeSale(page, receiptNo, MANAGER, 'card');
    for (let i = 0; i < 3 && (await page.locator(tid('receipts-screen')).count()) > 0; i++) {
      await page.keyboard.press('Escape');
    }
    await page.locator(tid('receipts-screen')).waitFor({ state: 'detached' });
  }

  /** Manage → Reconciliation on the test's business day. */
  async function openReconciliation(page: Page): Promise<void> {
    await page.locator(tid('manage-button')).click();
    await page.locator(`${tid('manage-entry')}[data-entry="reconciliation"]`).click();
    await page.locator(tid('recon-day')).fill(day);
  }

  /** One difference resolved on the reconciliation screen: picked, action and note, the manager's approval. */
  async function resolveOnScreen(page: Page, itemId: string, action: ResolutionAction, note: string) {
    await page.locator(`${tid('recon-item')}[data-item="${itemId}"]`).click();
    await page.locator(`${tid('recon-detail')}[data-item="${itemId}"]`).waitFor();
    await page.locator(tid('recon-action')).selectOption(action);
    await page.locator(tid('recon-note')).fill(note);
    await page.locator(tid('recon-resolve')).click();
    await approveAs(page, MANAGER.code, MANAGER.pin);
    await page.locator(`${tid('recon-item')}[data-item="${itemId}"][data-state="resolved"]`).waitFor();
  }

  const attemptState = (reference: string): string =>
    rows<{ state: string }>(dataDir, 'SELECT state FROM payment_attempts WHERE id = ?', reference)[0]
      ?.state ?? '';

  async function call<T>(
    channel: 'recon.fetch' | 'recon.import' | 'recon.day' | 'recon.resolve',
    input: Record<string, unknown>,
  ): Promise<T> {
    const b = need(bridge, 'the bridge');
    // Channel and input are checked by the host's own schema on the other side of the bridge.
    const r = await b.call(channel, input as never);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  }

  type Role = 'card' | 'wechat' | 'alipay' | 'dropped' | 'short' | 'portal' | 'tillRefund' | 'declined';
  const made: Partial<Record<Role, Tender>> = {};
  let day = '';
  let chargedNoSale = { reference: '', minor: 4_321 };

  it(
    'produces every class through the till and the sandbox, and the fetched settlement catches each',
    async () => {
      day = await dateWithRoom(DEFAULT_STORE_TIME_ZONE, DAY_ROOM_MS);
      web = await suite.start(['--fast-sync']);
      const page = await openTill(suite.browser(), web.url, { timeoutMs: 20_000 });
      await signInAndOpenShift(page, CASHIER, FLOAT);
      await expect.poll(() => gatewayState(page), { timeout: 20_000 }).toBe('online');

      // Matched: an ordinary card sale (which the acquirer also charges a fee on), a WeChat and an Alipay sale.
      made.card = await cardSale(page);
      made.wechat = await qrSale(page, DEMO.milk.barcode, WECHAT_CODE);
      made.alipay = await qrSale(page, DEMO.cola.barcode, ALIPAY_CODE);
      await difference({ action: 'fee', reference: made.card.reference, feeMinor: 25 });
      // charged_no_sale: the gateway charged a card the till never heard of.
      const charged = await difference({
        action: 'charge',
        tender: 'card',
        amountMinor: chargedNoSale.minor,
      });
      chargedNoSale = { ...chargedNoSale, reference: (charged.payment as { reference: string }).reference };
      // sale_no_charge: the settlement leaves a sale's payment out.
      made.dropped = await cardSale(page);
      await difference({ action: 'drop', reference: made.dropped.reference });
      // amount_mismatch: the acquirer settles 0.50 less than the till was answered.
      made.short = await cardSale(page);
      await difference({
        action: 'settle-amount',
        reference: made.short.reference,
        amountMinor: made.short.minor - 50,
      });
      // status_mismatch: refunded at the merchant portal, not at the till.
      made.portal = await cardSale(page);
      await difference({ action: 'portal-refund', reference: made.portal.reference });
      // refund_one_side: refunded at the till; the acquirer's settlement does not have the refund yet.
      made.tillRefund = await cardSale(page);
      await refundAtTill(page, made.tillRefund.receiptNo);
      await difference({ action: 'hold-refunds', reference: made.tillRefund.reference });

      // declined_after_forward: the issuer will decline the next forward; the gateway goes down; a card payment
      // is stored offline; the gateway comes back on the same port and the till forwards it.
      await difference({ action: 'decline-next-forwards', count: 1 });
      const port = new URL(need(gw, 'the gateway').url).port;
      const stopped = need(gw, 'the gateway').child;
      await new Promise<void>((resolve) => {
        stopped.once('exit', () => resolve());
        stopped.kill();
      });
      gw = null;
      await expect.poll(() => gatewayState(page), { timeout: 30_000 }).toBe('offline');
      made.declined = await offlineCardSale(page);
      gw = await startGatewayProcess(gwDir, [...GATEWAY_ARGS, '--port', port]);
      const declinedRef = made.declined.reference;
      await expect.poll(() => attemptState(declinedRef), { timeout: 30_000 }).toBe('forward_declined');
      // Every payment of the day was made on its date (dateWithRoom left the room for that).
      expect(dateIn(new Date().toISOString(), DEFAULT_STORE_TIME_ZONE)).toBe(day);

      // Manage → Reconciliation: the day's settlement fetched from the gateway; the screen lists the seven
      // differences; the view read back over the page's own bridge (its session cookie and origin).
      await openReconciliation(page);
      await page.locator(tid('recon-fetch')).click();
      await expect.poll(() => page.locator(tid('recon-item')).count(), { timeout: 30_000 }).toBe(7);
      bridge = await connectBridge(web.url);
      const view = await call<ReconDayView>('recon.day', { day });
      const got = view.items.map((i) => [i.class, i.reference, i.localMinor, i.settledMinor]);
      const m = made as Required<typeof made>;
      const minor = (t: Tender) => t.minor;
      expect(got).toEqual(
        expect.arrayContaining([
          ['matched', m.card.reference, minor(m.card), minor(m.card)],
          ['matched', m.wechat.reference, minor(m.wechat), minor(m.wechat)],
          ['matched', m.alipay.reference, minor(m.alipay), minor(m.alipay)],
          ['matched', m.portal.reference, minor(m.portal), minor(m.portal)],
          ['matched', m.tillRefund.reference, minor(m.tillRefund), minor(m.tillRefund)],
          ['charged_no_sale', chargedNoSale.reference, 0, chargedNoSale.minor],
          ['sale_no_charge', m.dropped.reference, minor(m.dropped), 0],
          ['amount_mismatch', m.short.reference, minor(m.short), minor(m.short) - 50],
          ['status_mismatch', m.portal.reference, 0, minor(m.portal)],
          ['refund_one_side', m.tillRefund.reference, minor(m.tillRefund), 0],
          ['declined_after_forward', m.declined.reference, minor(m.declined), 0],
          ['fee', null, 0, 25],
        ]),
      );
      expect(view.items).toHaveLength(12);
      expect(view.totals).toMatchObject({ refundedMinor: minor(m.portal), feeMinor: 25 });
      expect(view).toMatchObject({ reconciled: false, open: 7, resolved: 0 });
      const onScreen = await page
        .locator(tid('recon-item'))
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute('data-class')}:${e.getAttribute('data-reference')}`),
        );
      expect(onScreen.sort()).toEqual(
        view.items
          .filter((i) => i.class !== 'matched')
          .map((i) => `${i.class}:${i.reference ?? ''}`)
          .sort(),
      );
      await page.close();
    },
    PRODUCE_MS + DAY_ROOM_MS,
  );

  it('imports the same day’s WeChat and Alipay bills written by the sandbox: the wallet payments match', async () => {
    const m = made as Required<typeof made>;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-recon-bills-'));
    try {
      const page = await openTill(suite.browser(), need(web, 'the till').url, {
        timeoutMs: 20_000,
      });
      await openReconciliation(page);
      await expect.poll(() => page.locator(tid('recon-item')).count()).toBe(7);
      for (const format of ['wechat', 'alipay'] as const) {
        const file = path.join(dir, `${format}-${day}.csv`);
        await saveGatewayBill(need(gw, 'the gateway'), TOKEN, day, format, file);
        await page.locator(tid('recon-import-file')).setInputFiles(file);
        await page.locator(tid('recon-import-format')).selectOption(format);
        await page.locator(tid('recon-import')).click();
        await approveAs(page, MANAGER.code, MANAGER.pin);
        await page.locator(tid('recon-summary')).waitFor();
        const imported = async () =>
          (await call<ReconDayView>('recon.day', { day })).imports.map((i) => i.source);
        await expect.poll(imported).toContain(format);
      }
      await page.close();
      const view = await call<ReconDayView>('recon.day', { day });
      const items = need(view, 'the imported view').items;
      const wallet = (t: Tender) => items.find((i) => i.reference === t.reference && i.class === 'matched');
      for (const [t, source] of [
        [m.wechat, 'wechat'],
        [m.alipay, 'alipay'],
      ] as const) {
        expect(wallet(t)).toMatchObject({ localMinor: t.minor, settledMinor: t.minor });
        expect((wallet(t)?.details.settlement as { source?: string } | undefined)?.source).toBe(source);
      }
      expect(
        need(view, 'the imported view')
          .imports.map((i) => i.source)
          .sort(),
      ).toEqual(['alipay', 'gateway', 'wechat']);
      // The card differences are the gateway's and stay as they were.
      expect(
        items
          .filter((i) => i.class !== 'matched')
          .map((i) => i.class)
          .sort(),
      ).toEqual(
        [
          'amount_mismatch',
          'charged_no_sale',
          'declined_after_forward',
          'fee',
          'refund_one_side',
          'sale_no_charge',
          'status_mismatch',
        ].sort(),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('resolves every difference with a fitting action and a note; the day is reconciled and on the Z', async () => {
    const before = await call<ReconDayView>('recon.day', { day });
    const open = before.items.filter((i) => i.state === 'open' && i.class !== 'matched');
    expect(open).toHaveLength(7);
    // An action that does not fit its class is refused before the manager's PIN is asked.
    const fee = open.find((i) => i.class === 'fee');
    await expect(
      call('recon.resolve', { itemId: fee?.id, action: 'write_off', note: 'x', approval: APPROVAL }),
    ).rejects.toThrow(/RESOLUTION_NOT_ALLOWED/);
    // Manage → Reconciliation, the day chosen: every open difference picked, its action, a note, the
    // manager's approval; the row then shows resolved and, after the last, the day reconciled.
    const page = await openTill(suite.browser(), need(web, 'the till').url, {
      timeoutMs: 20_000,
    });
    await openReconciliation(page);
    await expect.poll(() => page.locator(`${tid('recon-item')}[data-state="open"]`).count()).toBe(7);
    for (const item of open) {
      if (item.class === 'matched') continue;
      await resolveOnScreen(
        page,
        item.id,
        RESOLVE_WITH[item.class],
        `${item.class}: ${RESOLVE_WITH[item.class]}`,
      );
    }
    await page.locator(`${tid('recon-badge')}[data-reconciled="true"]`).waitFor();
    await page.keyboard.press('Escape');
    await page.locator(tid('recon-screen')).waitFor({ state: 'detached' });
    await page.locator(tid('cart-empty')).waitFor();
    expect(await call<ReconDayView>('recon.day', { day })).toMatchObject({ reconciled: true, resolved: 7 });
    const resolved = journal(dataDir, 'recon.resolved');
    expect(resolved.map((e) => [e.class, e.action]).sort()).toEqual(Object.entries(RESOLVE_WITH).sort());
    expect(resolved.map((e) => (e.approvedBy as { code?: string }).code)).toEqual(
      Array(7).fill(MANAGER.code),
    );
    expect(journal(dataDir, 'recon.day-reconciled')).toHaveLength(1);

    // The Z: the shift closed on its float (no cash moved today), the day taken with the manager's PIN; the
    // reconciled settlement date is on it.
    await page.locator(tid('manage-button')).click();
    await page.locator(`${tid('manage-entry')}[data-entry="shift"]`).click();
    await page.locator(tid('shift-close')).click();
    await page.locator(tid('shift-count')).waitFor();
    for (const [id, n] of Object.entries(FLOAT)) {
      await page.locator(`${tid('shift-count-field')}[data-denomination="${id}"]`).fill(String(n));
    }
    await page.keyboard.press('Enter');
    await page.locator(`${tid('shift-state')}[data-state="closed"]`).waitFor();
    await page.keyboard.press('Escape');
    await page.locator(tid('cart-empty')).waitFor();
    await page.locator(tid('manage-button')).click();
    await page.locator(`${tid('manage-entry')}[data-entry="reports"]`).click();
    await page.locator(`${tid('reports-tab')}[data-tab="z"]`).click();
    await page.locator(tid('report-z-take')).click();
    await approveAs(page, MANAGER.code, MANAGER.pin);
    await page.locator(`${tid('report-view')}[data-kind="z"][data-zno="1"]`).waitFor();
    const shown = page.locator(`${tid('report-view')}[data-kind="z"] ${tid('report-reconciled')}`);
    expect(await shown.getAttribute('data-day')).toBe(day);
    expect(await shown.getAttribute('data-resolved')).toBe('7');
    const [z] = rows<{ body: string }>(dataDir, 'SELECT body FROM z_reports WHERE z_no = 1');
    const report = JSON.parse(z?.body ?? '{}') as Partial<ReportView>;
    expect(report.reconciledDays).toEqual([expect.objectContaining({ day, resolved: 7 })]);
    await page.close();
  }, 180_000);
});
