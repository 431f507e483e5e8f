// Training mode starts with a believable shop (demo-data.ts) so a cashier can practise scanning and searching.
import type { Database } from '../store/db';
import { DEMO_PRODUCTS, DEMO_TAX_CATEGORIES } from './demo-data';
import { catalogRepository } from './repository';

export { DEMO, DEMO_PRODUCTS, DEMO_TAX_CATEGORIES, demoScaleLabel } from './demo-data';

/**
 * Seeds the demo tax categories and products in one transaction. Idempotent: does nothing (and returns false)
 * when any product exists, so a shop's own catalog is never mixed with demo goods.
 */
export function seedDemoCatalog(db: Database, now: () => Date): boolean {
  const repo = catalogRepository(db);
  const insertTax = db.prepare(
    'INSERT OR IGNORE INTO tax_categories (id, name, name_en, rate_bp) VALUES (@id, @name, @nameEn, @rateBp)',
  );
  return db.transaction(() => {
    if (repo.productCount() > 0) return false;
    for (const t of DEMO_TAX_CATEGORIES) insertTax.run(t);
    const at = now();
    for (const p of DEMO_PRODUCTS) {
      repo.upsertProduct(
        {
          sku: p.sku,
          name: p.name,
          nameEn: p.nameEn,
          priceMinor: p.priceMinor,
          unit: p.unit,
          taxCategoryId: p.taxCategoryId,
          barcodes: p.barcode === null ? [] : [p.barcode],
          scaleItemCode: p.scaleItemCode === null ? null : Number(p.scaleItemCode),
          active: true,
        },
        { now: at, newId: () => `demo-${p.sku}` },
      );
    }
    return true;
  })();
}
