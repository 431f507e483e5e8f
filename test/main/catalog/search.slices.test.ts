// A large index is rebuilt in slices that give the event loop back: the result is the index a one-go build
// makes, and while it is being built the previous index keeps answering instead of the till stopping.
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
const opts = { now: fixedNow, currency: 'CNY' };

function csv(rows: number, prefix: string, name: (i: number) => string): string {
  const lines = ['sku,name,name_en,price,tax_category'];
  for (let i = 0; i < rows; i++) lines.push(`${prefix}-${i},${name(i)},Item ${i} fresh,1.00,std`);
  return lines.join('\n');
}

const QUERIES = ['可口', 'kkkl', 'kekou', 'item 1', 'A-12', 'A-4999', '雪碧', 'xb', 'fresh', '口可', 'zzz'];

it('a build in slices finds what a one-go build finds, over several pages of products', async () => {
  const db = openTestDb();
  addTaxCategories(db);
  await importCatalogCsv(
    db,
    csv(5_000, 'A', (i) => (i % 2 ? `可口可乐${i}` : `雪碧${i}号`)),
    opts,
  );
  const once = createCatalogSearch(db);
  const sliced = createCatalogSearch(db, { sliceMs: 0 });
  let turns = 0;
  const counter = setInterval(() => turns++, 0);
  await sliced.refreshInSlices();
  clearInterval(counter);
  expect(turns).toBeGreaterThan(0); // the event loop ran timers while it was being built
  for (const q of QUERIES) expect(sliced.search(q, 50)).toEqual(once.search(q, 50));
  db.close();
});

it('a stale large index keeps answering while its successor is built in slices, then the new one answers', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-slices-'));
  dirs.push(dir);
  const file = path.join(dir, 'pos.db');
  const app = openTestDb(file);
  addTaxCategories(app);
  await importCatalogCsv(app, 'sku,name,price,tax_category\nA1,可口可乐,3.00,std\n', opts);
  // Every rebuild counts as large here.
  const search = createCatalogSearch(app, { slicedRebuildProducts: 0 });
  expect(search.search('kkkl').map((p) => p.sku)).toEqual(['A1']);

  const other = new Database(file);
  other.pragma('foreign_keys = ON');
  await importCatalogCsv(
    other,
    'sku,name,price,tax_category\nA1,百事可乐,3.00,std\nB1,红牛,6.00,std\n',
    opts,
  );
  other.close();

  // The previous index answers at once (its products read with today's data: the new name and price)…
  expect(search.search('kkkl').map((p) => [p.sku, p.name])).toEqual([['A1', '百事可乐']]);
  expect(search.search('红牛')).toEqual([]);
  // …and the rebuild it started replaces it.
  await search.refreshInSlices();
  expect(search.search('bskl').map((p) => p.sku)).toEqual(['A1']);
  expect(search.search('kkkl')).toEqual([]);
  expect(search.search('红牛').map((p) => p.sku)).toEqual(['B1']);
  app.close();
});
