// Issue 14 point 6 on screen, in Chromium against a real till: Manage → Verify journal asks for an approval
// (a cashier may not; a manager may), walks the whole chain in main's worker, and says the verdict in words:
// intact with its span, or the first break with its entry, its time and what it recorded; the till sells on.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { openDatabase } from '../../main/store/db';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useUiPage } from '../support/ui-page';
import { CASHIER, MANAGER } from '../support/ui-till';
import { tamperJournal } from '../main/store/fixtures';

if (!hasChromium) console.warn(noChromiumMessage);

describe.skipIf(!hasChromium)('the Verify journal screen in Chromium', () => {
  const ui = useUiPage();
  const { tid, poll, calls } = ui;

  const openVerify = async () => {
    await ui.page.keyboard.press('Shift+F2');
    await ui.page.locator('[data-testid="manage-entry"][data-entry="journal"]').click();
    await tid('approval-dialog').waitFor();
  };
  /** One bottle of water (¥2.00) sold for cash through the till; its receipt number. */
  const sell = async (): Promise<string> => {
    const cart = await ui.till.call('cart.addProduct', {
      productId: `demo-${DEMO.water.sku}`,
      qtyMilli: 1000,
    });
    const sale = await ui.till.call('sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: cart.totals.totalMinor,
    });
    return sale.receiptNo;
  };

  it('refuses a cashier, then a manager sees the journal intact, and the till sells on', async () => {
    await sell();
    await openVerify();
    await ui.approveAs(CASHIER.code, CASHIER.pin);
    await poll(() => calls('journal.verify').length).toBe(1);
    expect(ui.till.answers('journal.verify').at(-1)).toMatchObject({ error: { code: 'APPROVAL_DENIED' } });
    // Still asking, the refusal in words; the code field is typed over by the manager.
    await tid('approval-error').waitFor();
    expect(await tid('approval-error').getAttribute('data-code')).toBe('APPROVAL_DENIED');
    await tid('approval-code').fill('');
    await tid('approval-code').focus();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(() => tid('journal-verdict').getAttribute('data-ok')).toBe('true');
    const entries = Number(await tid('journal-verdict').getAttribute('data-entries'));
    expect(entries).toBeGreaterThan(1);
    expect(await tid('journal-verdict').textContent()).toContain(`完整：共 ${entries} 条`);
    await ui.page.keyboard.press('Escape');
    await tid('journal-screen').waitFor({ state: 'detached' });
    await ui.scan(DEMO.cola.barcode);
    await poll(() => ui.page.locator('[data-testid="cart-line"]').count()).toBe(1);
  });

  it('names the first break: the altered sale, when it was recorded and what it covered', async () => {
    await sell();
    const receiptNo = await sell();
    const file = path.join(ui.till.dataDir, 'pos.sqlite');
    const db = openDatabase(file, { readonly: true });
    const entry = db
      .prepare(`SELECT seq, at, body FROM journal WHERE kind = 'sale.completed' ORDER BY seq DESC LIMIT 1`)
      .get() as { seq: number; at: string; body: string };
    db.close();
    // The second sale's total rewritten behind the chain: 2.00 becomes 0.50.
    const altered = entry.body.replace('"totalMinor":200', '"totalMinor":50');
    expect(altered).not.toBe(entry.body);
    tamperJournal(file, `UPDATE journal SET body = ? WHERE seq = ?`, altered, entry.seq);

    await openVerify();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await poll(() => tid('journal-verdict').getAttribute('data-ok')).toBe('false');
    expect(await tid('journal-verdict').getAttribute('data-seq')).toBe(String(entry.seq));
    expect(await tid('journal-verdict').getAttribute('data-cause')).toBe('hash');
    const text = (await tid('journal-verdict').textContent()) ?? '';
    expect(text).toContain(`第 ${entry.seq} 条记录处断裂`);
    expect(text).toContain('此记录已被修改');
    expect(text).toContain(new Date(entry.at).getUTCFullYear().toString());
    expect(await tid('journal-covered').textContent()).toContain(`sale.completed ${receiptNo}, total 0.50`);
  });
});
