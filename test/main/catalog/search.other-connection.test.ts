// A catalog import committed by another connection (the `npm run catalog -- import` CLI while the till is
// running) does not leave the running till's search index stale: SQLite's data_version tells it to rebuild.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { importCatalogCsv } from '../../../main/catalog/csv-import';
import { createCatalogSearch } from '../../../main/catalog/search';
import { addTaxCategories, fixedNow, openTestDb } from '../../support/catalog-db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

it('search sees products renamed or added by an import committed through another connection (CLI)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-search-'));
  dirs.push(dir);
  const file = path.join(dir, 'pos.db');
  const app = openTestDb(file);
  addTaxCategories(app);
  const opts = { now: fixedNow, currency: 'CNY' };
  await importCatalogCsv(app, 'sku,name,price,tax_category\nA1,可口可乐,3.00,std\n', opts);
  const search = createCatalogSearch(app);
  expect(search.search('kkkl').map((p) => p.sku)).toEqual(['A1']);

  // The CLI: its own connection to the same database file.
  const cli = new Database(file);
  cli.pragma('foreign_keys = ON');
  await importCatalogCsv(cli, 'sku,name,price,tax_category\nA1,百事可乐,3.00,std\nB1,红牛,6.00,std\n', opts);
  cli.close();

  // The renamed product is found by its new name and not by its old one; the new product is found.
  expect(search.search('bskl').map((p) => p.sku)).toEqual(['A1']);
  expect(search.search('kkkl').map((p) => p.sku)).toEqual([]);
  expect(search.search('红牛').map((p) => p.sku)).toEqual(['B1']);
  app.close();
});
