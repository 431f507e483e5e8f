// End to end in Chromium against the real web host: two cash sales, then the manager's receipts screen
// reprints the FIRST sale (not the last) after one wrong PIN, and a no-sale drawer open is approved by the
// training manager (900 / 1234). The SQLite file is then read: the copy job, the drawer job, the journal
// entries naming the approver, the refusal of the wrong PIN, and no PIN anywhere in the journal.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/audit/journal';
import { DEMO } from '../../main/catalog/demo';
import { approveAs, hasChromium, openTill, tid, typeSlowly } from '../support/web-till';
import { cashSale, webTillSuite } from '../support/web-till-suite';

if (!hasChromium) console.log('e2e: SKIPPED — /usr/bin/chromium is not installed (.ci/run installs it)');

const MANAGER = { code: '900', pin: '1234' };
const WRONG_PIN = '9999';

/** Every string value in a journal body (and, with `keys`, every key), for checking that no PIN was written. */
function stringsIn(value: unknown, keys = false): string[] {
  if (typeof value === 'string') return keys ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => stringsIn(v, keys));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...(keys ? [k] : []), ...stringsIn(v, keys)]);
  }
  return [];
}

describe.skipIf(!hasChromium)('manager approvals in Chromium', () => {
  const suite = webTillSuite('pos-e2e-approvals-');

  it('reprints the first of two sales and opens the drawer, each approved by a manager', async () => {
    const web = await suite.start();
    const page = await openTill(suite.browser(), web.url);

    const first = await cashSale(page, DEMO.cola.barcode);
    const second = await cashSale(page, DEMO.cola.barcode);
    expect(first).toMatch(/^T01-\d+$/);
    expect(second).not.toBe(first);

    // The receipts screen lists both, newest first; pick the first sale.
    await page.keyboard.press('Shift+F7');
    await page.locator(tid('receipts-screen')).waitFor();
    const rows = page.locator(tid('receipts-row'));
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-receipt-no')).toBe(second);
    expect(await rows.nth(1).getAttribute('data-receipt-no')).toBe(first);
    await page.keyboard.press('ArrowDown');
    expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
    const firstSaleId = (await rows.nth(1).getAttribute('data-sale-id')) ?? '';
    await expect
      .poll(() => page.locator(tid('receipts-detail')).getAttribute('data-sale-id'))
      .toBe(firstSaleId);
    expect(await page.locator(`${tid('receipts-detail')} ${tid('receipt-no')}`).innerText()).toContain(first);

    // Reprint copy: the approval prompt shows the training manager; one wrong PIN, then the right one.
    await page.locator(tid('receipts-reprint')).click();
    const approval = page.locator(tid('approval-dialog'));
    await approval.waitFor();
    expect(await approval.innerText()).toContain(first);
    expect(await page.locator(tid('approval-hint')).innerText()).toContain(MANAGER.code);
    await typeSlowly(page, MANAGER.code);
    await page.keyboard.press('Tab');
    await typeSlowly(page, WRONG_PIN);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator(tid('approval-error')).getAttribute('data-code'))
      .toBe('APPROVAL_DENIED');
    expect(await page.locator(tid('approval-pin')).inputValue()).toBe('');
    expect(await page.locator(tid('approval-code')).inputValue()).toBe(MANAGER.code);
    await typeSlowly(page, MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.locator(`${tid('toast')}[data-key="history.reprinted"]`).waitFor();
    expect(await page.locator(`${tid('toast')}[data-key="history.reprinted"]`).innerText()).toContain(first);
    await approval.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.locator(tid('receipts-screen')).waitFor({ state: 'detached' });

    // No sale: F7, the reason, then the approval.
    await page.keyboard.press('F7');
    await page.locator(tid('drawer-open')).click();
    await page.locator(tid('drawer-reason')).waitFor();
    await typeSlowly(page, 'change for a 100 note');
    await page.keyboard.press('Enter');
    await approveAs(page, MANAGER.code, MANAGER.pin);
    await page.locator(`${tid('toast')}[data-key="drawer.opened"]`).waitFor();
    await page.locator(tid('printer-panel')).waitFor({ state: 'detached' });
    expect(await page.locator('body').innerText()).not.toContain(MANAGER.pin);
    await page.close();
    await web.kill();
    // The host's own output (its log) never carries a PIN either.
    expect(web.output()).not.toMatch(/"pin"|"1234"|"9999"/i);

    const db = new Database(path.join(suite.dataDir(), 'pos.sqlite'), { readonly: true });
    try {
      const copies = db
        .prepare(`SELECT id, sale_id FROM print_jobs WHERE kind = 'receipt' AND copy = 1`)
        .all() as { id: number; sale_id: string }[];
      expect(copies.map((c) => c.sale_id)).toEqual([firstSaleId]);

      const journal = db.prepare(`SELECT kind, ref, body FROM journal ORDER BY seq`).all() as {
        kind: string;
        ref: string | null;
        body: string;
      }[];
      const bodies = (kind: string) =>
        journal.filter((j) => j.kind === kind).map((j) => JSON.parse(j.body) as Record<string, unknown>);

      const reprints = journal.filter((j) => j.kind === 'receipt.reprint');
      expect(reprints.map((j) => j.ref)).toEqual([firstSaleId]);
      expect(bodies('receipt.reprint')[0]).toMatchObject({
        jobId: copies[0]?.id,
        approvedBy: { code: MANAGER.code },
      });

      const [noSale] = bodies('drawer.no-sale');
      expect(noSale).toMatchObject({ reason: 'change for a 100 note', approvedBy: { code: MANAGER.code } });
      const drawerJob = db.prepare(`SELECT kind FROM print_jobs WHERE id = ?`).get(noSale?.['jobId']) as
        { kind: string } | undefined;
      expect(drawerJob).toEqual({ kind: 'drawer' });

      expect(bodies('staff.approval-refused')).toEqual([
        expect.objectContaining({
          permission: 'receipt.reprintAny',
          operatorCode: MANAGER.code,
          reason: 'wrong-pin',
        }),
      ]);

      // No PIN, right or wrong, in any journal body: not as a value, not under a "pin" key. (Compared as
      // whole values: a random UUID elsewhere in a body may well contain the digits 1234.)
      for (const j of journal) {
        const body: unknown = JSON.parse(j.body);
        const values = stringsIn(body);
        expect(values, j.kind).not.toContain(MANAGER.pin);
        expect(values, j.kind).not.toContain(WRONG_PIN);
        expect(
          stringsIn(body, true).some((k) => /pin/i.test(k)),
          j.kind,
        ).toBe(false);
        expect(j.body, j.kind).not.toContain(`"${MANAGER.pin}"`);
      }
      expect(verifyJournal(db)).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  }, 120_000);
});
