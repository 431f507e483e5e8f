// The receipts screen in Chromium against the real till's history (main/sale/receipt-search.ts): 25 sales
// made through the till on 2025-01-14 (its clock set back), paging by cursor, selection, search by receipt
// number, shop-day and amount filters, reprint with approval, and the approval naming the receipt it is for.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../main/catalog/demo';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useUiPage } from '../support/ui-page';

if (!hasChromium) console.warn(noChromiumMessage);

/** Sale n (1..25) is n bottles of water (¥2.00 each) at 2025-01-14 09:n UTC, 17:n in Shanghai. */
const WATER = DEMO.water;
let at: number | null = null;
const clock = (): Date => new Date(at ?? Date.now());

describe.skipIf(!hasChromium)('receipts screen in Chromium', () => {
  const ui = useUiPage(() => ({ clock }));
  const { tid, poll, calls, focusedTestId } = ui;
  /** saleIds[n] and receipts[n]: sale n as the till wrote it */
  let saleIds: string[] = [];
  let receipts: string[] = [];

  /** `n` sales made through the till, one minute apart on 2025-01-14; then the clock runs on again. */
  const seed = async (n: number) => {
    saleIds = [''];
    receipts = [''];
    for (let i = 1; i <= n; i++) {
      at = Date.UTC(2025, 0, 14, 9, i);
      const cart = await ui.till.call('cart.addProduct', {
        productId: `demo-${WATER.sku}`,
        qtyMilli: i * 1000,
      });
      const sale = await ui.till.call('sale.tenderCash', {
        cartId: cart.cartId,
        cartVersion: cart.version,
        tenderedMinor: cart.totals.totalMinor,
      });
      saleIds.push(sale.saleId);
      receipts.push(sale.receiptNo);
    }
    at = null;
  };
  const openReceipts = async (rows: number) => {
    await ui.page.keyboard.press('Shift+F7');
    await tid('receipts-screen').waitFor();
    await poll(() => tid('receipts-row').count()).toBe(rows);
  };

  it('Shift+F7, pages with the cursor, arrows select, search, reprint with approval', async () => {
    const { page } = ui;
    await seed(25);
    await openReceipts(20);
    expect(await tid('receipts-row').first().getAttribute('data-receipt-no')).toBe(receipts[25]);
    expect(await tid('receipts-row').first().getAttribute('aria-selected')).toBe('true');
    expect(await tid('receipts-row').first().getAttribute('data-minor')).toBe('5000');
    expect(await tid('receipts-row').first().textContent()).toContain('50.00');
    expect(await tid('receipts-row').nth(1).getAttribute('data-training')).toBe('true');
    await poll(() => tid('receipts-detail').getAttribute('data-sale-id')).toBe(saleIds[25]);

    // More (PageDown does the same): the next page starts after the last row's cursor.
    await tid('receipts-more').click();
    await poll(() => tid('receipts-row').count()).toBe(25);
    expect(await tid('receipts-more').count()).toBe(0); // a short page: nothing older
    const firstPage = await ui.till.call('sale.history', { limit: 20 });
    expect(calls('sale.history')).toEqual([{ limit: 20 }, { limit: 20, after: firstPage[19]?.cursor }]);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await tid('receipts-row').nth(2).getAttribute('aria-selected')).toBe('true');
    await poll(() => tid('receipts-detail').getAttribute('data-sale-id')).toBe(saleIds[23]);
    expect(await tid('receipt-no').textContent()).toContain(receipts[23]);
    await tid('receipts-row').nth(5).click(); // touch works too
    await poll(() => tid('receipts-detail').getAttribute('data-sale-id')).toBe(saleIds[20]);

    // Search by part of the receipt number.
    await tid('receipts-search').click();
    await page.keyboard.type(receipts[7]?.slice(-4) ?? '?', { delay: 60 });
    await poll(() => tid('receipts-row').count()).toBe(1);
    expect(await tid('receipts-row').getAttribute('data-sale-id')).toBe(saleIds[7]);
    await poll(() => tid('receipts-detail').getAttribute('data-sale-id')).toBe(saleIds[7]);

    // Reprint copy (F7) asks for the approval; the screen stays underneath with its search.
    await page.keyboard.press('F7');
    await tid('approval-dialog').waitFor();
    expect(await tid('approval-dialog').textContent()).toContain(receipts[7]);
    await ui.approveAs('900', '1234');
    await poll(() => tid('toast').last().getAttribute('data-key')).toBe('history.reprinted');
    expect(await tid('toast').last().textContent()).toContain(receipts[7]);
    expect(calls('sale.reprint')).toEqual([
      { saleId: saleIds[7], approval: { operatorCode: '900', pin: '1234' } },
    ]);
    expect(await tid('approval-dialog').count()).toBe(0);
    expect(await tid('receipts-search').inputValue()).toBe(receipts[7]?.slice(-4));
    expect(calls('sale.reprintLast')).toEqual([]);

    await page.keyboard.press('Escape');
    expect(await tid('receipts-screen').count()).toBe(0);
  });

  it('filters by shop day and amount from the keyboard; a receipt number turns them off', async () => {
    const { page } = ui;
    await seed(25); // all on 2025-01-14 (Shanghai)
    await openReceipts(20);

    // Tab walks from the receipt number through the filters.
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('receipts-from');
    await tid('receipts-from').fill('2025-01-15');
    await poll(() => tid('receipts-empty').count()).toBe(1);
    await tid('receipts-from').fill('2025-01-14');
    await poll(() => tid('receipts-row').count()).toBe(20);
    // Arrows in a date field step the date (the list keeps its selection).
    await page.keyboard.press('ArrowDown');
    expect(await tid('receipts-from').inputValue()).not.toBe('2025-01-14');
    expect(await tid('receipts-row').nth(1).getAttribute('aria-selected')).not.toBe('true');
    await tid('receipts-from').fill('2025-01-14');
    await poll(() => tid('receipts-row').count()).toBe(20);
    // Tab steps through a date field's parts (month, day, year), then on to the next field.
    const tabTo = async (testId: string): Promise<void> => {
      for (let i = 0; i < 4 && (await focusedTestId()) !== testId; i++) await page.keyboard.press('Tab');
      expect(await focusedTestId()).toBe(testId);
    };
    await tabTo('receipts-to');
    await tabTo('receipts-amount');
    await page.keyboard.type('14.00', { delay: 40 }); // sale 7: 7 x ¥2.00
    await poll(() => tid('receipts-row').count()).toBe(1);
    expect(await tid('receipts-row').getAttribute('data-sale-id')).toBe(saleIds[7]);
    expect(calls('sale.history').at(-1)).toEqual({ limit: 20, from: '2025-01-14', amountMinor: 1400 });

    // A card's last four, incomplete: left out of the search and marked.
    await tid('receipts-card').fill('42');
    expect(await tid('receipts-card').getAttribute('aria-invalid')).toBe('true');
    expect(await tid('receipts-hint').getAttribute('class')).toContain('warn');
    await tid('receipts-card').fill('');

    // Typing a receipt number switches the filters off (main searches the number alone).
    const twelve = receipts[12]?.slice(-4) ?? '?';
    await tid('receipts-search').focus();
    await page.keyboard.type(twelve, { delay: 40 });
    await poll(() => tid('receipts-row').getAttribute('data-sale-id')).toBe(saleIds[12]);
    expect(await tid('receipts-amount').isDisabled()).toBe(true);
    expect(await tid('receipts-from').isDisabled()).toBe(true);
    expect(calls('sale.history').at(-1)).toEqual({ limit: 20, query: twelve });
    await page.keyboard.press('Escape');
  });

  it('from the printer panel, in English, fits 1024x768', async () => {
    await seed(3);
    await tid('locale-switch').click();
    await ui.page.keyboard.press('F7');
    await tid('receipts-open').click();
    await tid('receipts-screen').waitFor();
    await poll(() => tid('receipts-row').count()).toBe(3);
    expect(await tid('receipts-more').count()).toBe(0);
    expect(await tid('receipts-screen').textContent()).toContain('Reprint copy');
    const box = await tid('receipts-reprint').boundingBox();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(768);
    await tid('receipts-reprint').click();
    await tid('approval-dialog').waitFor();
    expect(await tid('approval-dialog').textContent()).toContain(receipts[3]);
    await ui.page.keyboard.press('Escape'); // back to the list, not out of it
    expect(await tid('receipts-screen').count()).toBe(1);
    expect(calls('sale.reprint')).toEqual([]);
  });

  describe('the approval is for the receipt it names', () => {
    it('F7 pressed while a search is pending: when the search finds nothing, the screen is not left stuck', async () => {
      const { page } = ui;
      await seed(25);
      await openReceipts(20);
      await tid('receipts-search').click();
      await page.keyboard.type('9999', { delay: 20 });
      await page.keyboard.press('F7'); // before the debounced search has answered
      await tid('approval-dialog').waitFor();
      // The search answers "nothing" while the approval is up.
      await poll(() => calls('sale.history').length).toBe(2);
      await page.waitForTimeout(300);
      // Whatever became of the approval, Esc (twice at most) must still lead out of the receipts screen.
      const approvalShown = await tid('approval-dialog').count();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await poll(() => tid('receipts-screen').count()).toBe(0);
      expect(approvalShown).toBe(1);
    });

    it('F7 pressed while a search is pending: the approval reprints the receipt it named, not another', async () => {
      const { page } = ui;
      await seed(25);
      await openReceipts(20);
      await tid('receipts-search').click();
      await page.keyboard.type(receipts[7]?.slice(-4) ?? '?', { delay: 20 });
      await page.keyboard.press('F7');
      await tid('approval-dialog').waitFor();
      const named = await tid('approval-dialog').locator('h2').textContent();
      await poll(() => calls('sale.history').length).toBe(2);
      await page.waitForTimeout(300);
      expect(await tid('approval-dialog').locator('h2').textContent()).toBe(named);
      await page.keyboard.type('900', { delay: 30 });
      await page.keyboard.press('Tab');
      await page.keyboard.type('1234', { delay: 30 });
      await page.keyboard.press('Enter');
      await poll(() => calls('sale.reprint').length).toBe(1);
      const [sent] = calls('sale.reprint') as { saleId: string }[];
      expect(named).toContain(receipts[25]);
      expect(sent?.saleId).toBe(saleIds[25]);
    });
  });
});
