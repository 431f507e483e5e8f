// The shop's tax categories come from config.json (default: China's VAT rates) and are written to the
// database at every start, so products can refer to them from the first CSV import on. A rate change
// applies to lines scanned after it; every sale line keeps the rate it was sold at.
import type { Database } from '../store/db';

export interface TaxCategoryConfig {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly rateBp: number;
}

export function syncTaxCategories(db: Database, categories: readonly TaxCategoryConfig[]): void {
  const upsert = db.prepare(
    `INSERT INTO tax_categories (id, name, name_en, rate_bp) VALUES (@id, @name, @nameEn, @rateBp)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, rate_bp = excluded.rate_bp
     WHERE name IS NOT excluded.name OR name_en IS NOT excluded.name_en OR rate_bp IS NOT excluded.rate_bp`,
  );
  db.transaction(() => {
    for (const c of categories) upsert.run(c);
  })();
}
