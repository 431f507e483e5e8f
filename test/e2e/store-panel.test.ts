// End to end in Chromium against the real web host: the manager's store data panel, opened from the status
// bar's storage slot. A check and a backup on demand, each approved by the training manager (900 / 1234) after
// one wrong PIN, run in worker threads; the panel shows the verdicts and the backup file, which is a readable
// copy of the store holding the sale; the journal names the approver of each.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { approveAs, hasChromium, openTill, tid } from '../support/web-till';
import { cashSale, webTillSuite } from '../support/web-till-suite';

if (!hasChromium) console.log('e2e: SKIPPED — /usr/bin/chromium is not installed (.ci/run installs it)');

describe.skipIf(!hasChromium)('store data panel in Chromium', () => {
  const suite = webTillSuite('pos-e2e-store-');

  it('checks and backs up the store on demand, each with a manager approval, and shows the outcome', async () => {
    const web = await suite.start();
    const page = await openTill(suite.browser(), web.url);
    await cashSale(page, DEMO.cola.barcode);

    await page.locator(tid('status-storage')).click();
    await page.locator(tid('store-panel')).waitFor();
    expect(await page.locator(tid('store-state')).getAttribute('data-state')).toBe('ok');

    // A wrong PIN is refused in the approval and runs nothing.
    await page.locator(tid('store-check-now')).click();
    await approveAs(page, '900', '9999');
    await expect
      .poll(() => page.locator(tid('approval-error')).getAttribute('data-code'))
      .toBe('APPROVAL_DENIED');
    await page.keyboard.press('Escape');
    await page.locator(tid('store-panel')).waitFor();
    expect(await page.locator(tid('store-check-database')).count()).toBe(0);

    await page.locator(tid('store-check-now')).click();
    await approveAs(page, '900', '1234');
    await page.locator(tid('store-check-database')).waitFor({ timeout: 30_000 });
    expect(await page.locator(tid('store-check-database')).getAttribute('data-ok')).toBe('true');
    expect(await page.locator(tid('store-check-journal')).getAttribute('data-ok')).toBe('true');

    await page.locator(tid('store-backup-now')).click();
    await approveAs(page, '900', '1234');
    await page.locator(tid('store-backup-file')).waitFor({ timeout: 30_000 });
    const file = (await page.locator(tid('store-backup-file')).getAttribute('data-file')) ?? '';
    expect(path.dirname(file)).toBe(path.join(suite.dataDir(), 'backups'));
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n).toBe(1);
    } finally {
      copy.close();
    }

    await suite.stop();
    const db = new Database(path.join(suite.dataDir(), 'pos.sqlite'), { readonly: true });
    try {
      const kinds = db
        .prepare(
          `SELECT kind, body FROM journal WHERE kind IN ('store.check-requested', 'store.backup') ORDER BY seq`,
        )
        .all() as { kind: string; body: string }[];
      expect(kinds.map((k) => k.kind)).toEqual(['store.check-requested', 'store.backup']);
      for (const k of kinds) expect(JSON.parse(k.body).approvedBy).toMatchObject({ code: '900' });
    } finally {
      db.close();
    }
  }, 120_000);
});
