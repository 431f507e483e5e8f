// Scanning a piece item again merges into its line only while the product is as it was scanned: after a price
// change between the two scans, the second unit gets its own line at the new price.
import { expect, it } from 'vitest';
import { importCatalogCsv } from '../../../main/catalog/csv-import';
import { DEMO, seedDemoCatalog } from '../../../main/catalog/demo';
import { createCartRepo } from '../../../main/sale/cart-repo';
import { createCartService } from '../../../main/sale/cart-service';
import { createSaleCatalog } from '../../../main/sale/sale-catalog';
import { fixedNow, openTestDb } from '../../support/catalog-db';

it('a second scan after a price change is charged the current catalog price', async () => {
  const db = openTestDb();
  seedDemoCatalog(db, fixedNow);
  let n = 0;
  const newId = (): string => `id-${++n}`;
  const cart = createCartService({
    db,
    carts: createCartRepo(db, { now: fixedNow, newId }),
    catalog: createSaleCatalog(db, null),
    settings: {
      currency: 'CNY',
      pricingMode: 'inclusive',
      taxRounding: 'line',
      trainingMode: true,
      terminalId: 'T1',
    },
    newId,
    now: fixedNow,
  });
  cart.scan(DEMO.cola.barcode); // ¥3.00
  await importCatalogCsv(
    db,
    `sku,name,price,tax_category,barcodes\n${DEMO.cola.sku},${DEMO.cola.name},3.50,std,${DEMO.cola.barcode}\n`,
    { now: fixedNow, currency: 'CNY' },
  );
  const view = cart.scan(DEMO.cola.barcode); // ¥3.50 now
  // First can at the price it was scanned at, second can at today's price: 300 + 350.
  expect(view.totals.grossMinor).toBe(650);
  db.close();
});
