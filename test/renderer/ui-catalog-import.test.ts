// The catalog import screen in Chromium against the real till (manager's menu → Import catalog): a GBK file
// from Chinese Excel is previewed with its encoding, changes and rows; a file with problems shows each with its
// line and cannot be imported; "Import" needs a manager (a cashier is refused), shows progress and the result;
// a large import can be cancelled from its progress bar, and the till sells meanwhile.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CartView, ProductView } from '../../main/api/contract';
import { DEMO } from '../../main/catalog/demo';
import { withCheckDigit } from '../../main/catalog/gtin';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useUiPage } from '../support/ui-page';
import { CASHIER, MANAGER } from '../support/ui-till';

if (!hasChromium) console.warn(noChromiumMessage);

const GOOD = [
  'sku,name,name_en,price,tax_category,barcodes',
  `${DEMO.cola.sku},可口可乐 330ml,Coca-Cola 330ml,3.00,std,${DEMO.cola.barcode}`,
  `${DEMO.sprite.sku},雪碧 330ml,Sprite 330ml,3.80,std,${DEMO.sprite.barcode}`,
  'NEW-OOLONG,新品 乌龙茶 500ml,Oolong tea 500ml,5.50,std,',
].join('\r\n');

function bigCsv(rows: number): string {
  const lines = ['sku,name,price,tax_category,barcodes'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `BIG-${i},批量商品${i},${(i % 90) + 1}.50,std,${withCheckDigit(`68${String(i).padStart(10, '0')}`)}`,
    );
  return lines.join('\n');
}

describe.skipIf(!hasChromium)('catalog import in Chromium', () => {
  const ui = useUiPage();
  const { tid, poll, calls } = ui;

  const openImport = async (): Promise<void> => {
    await ui.page.keyboard.press('Shift+F2');
    await tid('manage-menu').waitFor();
    await ui.page.locator('[data-testid="manage-entry"][data-entry="catalogImport"]').click();
    await tid('import-screen').waitFor();
  };
  const choose = (name: string, bytes: Buffer) =>
    tid('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });

  it('a GBK file: previewed, refused for a cashier, imported with a manager, result shown, products sold', async () => {
    await openImport();
    // First a file with problems: each with its line, and no way to import it.
    const bad = [
      'sku,name,price,tax_category',
      'X1,好,1.00,std',
      'X2,坏价格,12.345,std',
      'X3,无税类,1.00,vat99',
      'X1,重复,1.00,std',
    ];
    await choose('bad.csv', iconv.encode(bad.join('\r\n'), 'gbk'));
    await poll(() => tid('import-errors').getAttribute('data-total')).toBe('3');
    expect(
      await tid('import-error').evaluateAll((els) => els.map((e) => e.getAttribute('data-line'))),
    ).toEqual(['3', '4', '5']);
    expect(await tid('import-run').isDisabled()).toBe(true);

    // The corrected file, as Chinese Excel saves it.
    await choose('商品.csv', iconv.encode(GOOD, 'gbk'));
    await poll(() => tid('import-encoding').getAttribute('data-encoding')).toBe('gbk');
    await poll(() => tid('import-errors').count()).toBe(0);
    const counts = tid('import-counts');
    expect([
      await counts.getAttribute('data-new'),
      await counts.getAttribute('data-updated'),
      await counts.getAttribute('data-unchanged'),
    ]).toEqual(['1', '1', '1']);
    expect(
      await tid('import-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-change'))),
    ).toEqual(['unchanged', 'updated', 'new']);
    expect(await ui.page.getByText('新品 乌龙茶 500ml').count()).toBe(1);

    await tid('import-run').click();
    await ui.approveAs(CASHIER.code, CASHIER.pin);
    await poll(() => tid('approval-error').getAttribute('data-code')).toBe('APPROVAL_DENIED');
    await tid('approval-code').fill(MANAGER.code);
    await tid('approval-pin').fill(MANAGER.pin);
    await ui.page.keyboard.press('Enter');
    await poll(() => tid('import-result').getAttribute('data-status')).toBe('done');
    expect(await tid('import-result').getAttribute('data-written')).toBe('3');
    expect(calls('catalog.importRun')).toHaveLength(2);
    // The screen sent bytes, never CSV text.
    expect(
      calls('catalog.importPreview').every((c) => typeof (c as { bytes: unknown }).bytes === 'string'),
    ).toBe(true);

    // The new product sells at its price; the changed one at its new price.
    const found = (await ui.till.call('catalog.search', { query: '乌龙' })) as readonly ProductView[];
    expect(found.map((p) => [p.sku, p.priceMinor])).toEqual([['NEW-OOLONG', 550]]);
    const cart = (await ui.till.call('cart.scan', { code: DEMO.sprite.barcode })) as CartView;
    expect(cart.lines.at(-1)?.unitPriceMinor).toBe(380);
  });

  it('a large import shows its progress bar and can be cancelled; the till sells meanwhile', async () => {
    await openImport();
    await choose('big.csv', Buffer.from(bigCsv(30_000), 'utf8'));
    await expect
      .poll(() => tid('import-encoding').getAttribute('data-encoding'), { timeout: 60_000 })
      .toBe('utf-8');
    await tid('import-run').click();
    await ui.approveAs(MANAGER.code, MANAGER.pin);
    await tid('import-progress').waitFor();
    const sold = (await ui.till.call('cart.scan', { code: DEMO.cola.barcode })) as CartView;
    expect(sold.lines.length).toBeGreaterThan(0);
    await tid('import-cancel').click();
    await expect
      .poll(() => tid('import-result').getAttribute('data-status'), { timeout: 60_000 })
      .toBe('cancelled');
    const written = Number(await tid('import-result').getAttribute('data-written'));
    expect(written).toBeLessThan(30_000);
    expect(calls('catalog.importCancel')).toHaveLength(1);
  });
});
