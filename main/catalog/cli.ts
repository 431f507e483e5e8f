// `npm run catalog -- import FILE.csv [--data DIR]`: the store manager's catalog import from a terminal or a
// support session. Same rules as the app (docs/catalog.md): all rows are checked first; if any is wrong,
// nothing is imported and every problem is listed with its line number.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PosFailure } from '../api/result';
import { runCli } from '../cli/args';
import { DEFAULT_TAX_CATEGORIES, loadConfig } from '../config/config';
import { defaultDataDir } from '../config/data-dir';
import { openStore, storeHoldsSales } from '../store/open-store';
import { importCatalogCsv } from './csv-import';
import { syncTaxCategories } from './tax-categories';

interface LineError {
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { data: { type: 'string' } },
  });
  const [command, file] = positionals;
  if (command !== 'import' || !file) {
    console.error('usage: npm run catalog -- import FILE.csv [--data DIR]');
    return 2;
  }
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const csv = fs.readFileSync(file, 'utf8');
  const config = loadConfig(dataDir, {}, { holdsSales: () => storeHoldsSales(dataDir) });
  const { db } = await openStore({ dataDir, now: () => new Date(), log: () => undefined });
  try {
    syncTaxCategories(db, config.taxCategories ?? DEFAULT_TAX_CATEGORIES);
    // The app's import logic on this process's own connection; its short write batches leave the lock free
    // between them, so a till running on the same store keeps selling.
    const report = await importCatalogCsv(db, csv, {
      now: () => new Date(),
      currency: config.currency,
      rules: config.variableMeasureRules,
    });
    console.log(`Imported ${report.imported} new and updated ${report.updated} products into ${dataDir}.`);
    return 0;
  } catch (e) {
    if (!(e instanceof PosFailure)) throw e;
    console.error(`${file}: ${e.message}`);
    const errors = (e.detail?.errors ?? []) as readonly LineError[];
    for (const er of errors)
      console.error(`  line ${er.line}${er.column ? `, ${er.column}` : ''}: ${er.reason}`);
    const total = typeof e.detail?.total === 'number' ? e.detail.total : errors.length;
    if (total > errors.length) console.error(`  … and ${total - errors.length} more`);
    return 1;
  } finally {
    db.close();
  }
}

runCli(main);
