// Migration 008 (ean8-spelling): padded EAN-8 barcodes re-spelled to 8 digits.
import { describe, expect, it } from 'vitest';
import { AT, migratedTo, migrateOn, migrationSuite, seedProduct } from '../../../support/migrations';

migrationSuite(8);

describe('008 ean8-spelling', () => {
  it('re-spells padded EAN-8 barcodes to 8 digits, and leaves a padded row whose 8-digit spelling exists', async () => {
    const db = await migratedTo(7);
    seedProduct(db);
    db.prepare(
      `INSERT INTO products (id, sku, name, price_minor, unit, tax_category_id, updated_at)
       VALUES ('p2', 'SKU2', 'Water', 200, 'each', 'std', ?)`,
    ).run(AT);
    const add = db.prepare(`INSERT INTO barcodes (code, product_id) VALUES (?, ?)`);
    add.run('0000096385074', 'p1'); // padded EAN-8: re-spelled
    add.run('6901234567892', 'p1'); // a real EAN-13: kept
    add.run('0000196385073', 'p1'); // four zeros is a real EAN-13: kept
    add.run('12345670', 'p2'); // an EAN-8 already stored 8-digit ...
    add.run('0000012345670', 'p1'); // ... so its padded twin stays, rather than losing either barcode
    await migrateOn(db);
    expect(db.prepare(`SELECT code, product_id AS p FROM barcodes ORDER BY code`).all()).toEqual([
      { code: '0000012345670', p: 'p1' },
      { code: '0000196385073', p: 'p1' },
      { code: '12345670', p: 'p2' },
      { code: '6901234567892', p: 'p1' },
      { code: '96385074', p: 'p1' },
    ]);
  });
});
