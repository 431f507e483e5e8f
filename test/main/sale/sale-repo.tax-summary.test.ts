// A stored sale (what receipts and reprints are rendered from: render-job.ts -> sales.byId) carries the same
// per-(category, rate) tax summary the sale had when it was priced and tendered.
import { describe, expect, it } from 'vitest';
import { createCartRepo } from '../../../main/sale/cart-repo';
import { createSaleRepo } from '../../../main/sale/sale-repo';
import { createCashTender } from '../../../main/sale/tender-cash';
import { createCheckout } from '../../../main/sale/checkout';
import type { SaleSettings } from '../../../main/sale/ports';
import { addTaxCategories, fixedNow, openTestDb } from '../../support/catalog-db';
import { namingCatalog, pieceLine } from './sale-fixtures';

let n = 0;
const newId = (): string => `id-${String(++n).padStart(6, '0')}`;

const names = new Map([
  ['std', { name: '标准税率' }],
  ['food', { name: '食品' }],
]);
const catalog = namingCatalog(names);

const line = (lineId: string, taxRateBp: number) => pieceLine(lineId, 10_000, taxRateBp);

describe('stored sale tax summary', () => {
  for (const mode of ['inclusive', 'exclusive'] as const) {
    it(`a stored ${mode} sale keeps one tax row per (category, rate), like the tendered sale`, () => {
      const db = openTestDb();
      addTaxCategories(db);
      const settings: SaleSettings = {
        currency: 'CNY',
        pricingMode: mode,
        taxRounding: 'line',
        trainingMode: false,
        terminalId: 'T01',
      };
      const carts = createCartRepo(db, { now: fixedNow, newId });
      const sales = createSaleRepo(db, () => names);
      // The std rate changed (config.json, restart) while this cart was open: one line at 13 %, one at 9 %.
      const cart = db.transaction(() => {
        const open = carts.openCart();
        return carts.save(open.id, {
          lines: [line('L1', 1300), line('L2', 900)],
          orderDiscount: null,
          lastLineId: 'L2',
        });
      })();
      const checkout = createCheckout({ db, carts, sales, catalog, settings, now: fixedNow, newId });
      const tender = createCashTender({ db, checkout });
      const sold = tender({ cartId: cart.id, cartVersion: cart.version, tenderedMinor: 1_000_000 });
      expect(sold.totals.taxes).toHaveLength(2);

      const stored = sales.byId(sold.saleId);
      expect(stored?.totals.taxes).toEqual(sold.totals.taxes);
    });
  }
});
