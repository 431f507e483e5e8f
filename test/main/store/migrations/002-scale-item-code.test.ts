// Migration 002 (scale-item-code): scale item codes unique among the products that have one.
import { describe, expect, it } from 'vitest';
import { AT, migratedTo, migrationSuite, seedProduct } from '../../../support/migrations';

migrationSuite(2);

describe('002 scale-item-code', () => {
  it('keeps scale item codes unique among products that have one', async () => {
    const db = await migratedTo(2);
    seedProduct(db);
    db.prepare(
      `INSERT INTO products (id, sku, name, price_minor, unit, tax_category_id, updated_at)
       VALUES ('p2', 'SKU2', 'Apples', 1200, 'kg', 'std', ?), ('p3', 'SKU3', 'Pears', 1400, 'kg', 'std', ?)`,
    ).run(AT, AT);
    db.prepare("UPDATE products SET scale_item_code = 12345 WHERE id = 'p2'").run();
    expect(() => db.prepare("UPDATE products SET scale_item_code = 12345 WHERE id = 'p3'").run()).toThrow(
      /UNIQUE/,
    );
    expect(() => db.prepare("UPDATE products SET scale_item_code = -1 WHERE id = 'p3'").run()).toThrow(
      /CHECK/,
    );
    // Products without a scale code (NULL) do not collide with each other.
    expect(db.prepare('SELECT count(*) AS n FROM products WHERE scale_item_code IS NULL').get()).toEqual({
      n: 2,
    });
  });
});
