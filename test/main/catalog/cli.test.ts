// The manager's command-line import: a file with one bad row imports nothing and names the line and the
// reason; a good file lands and is found by the app's search.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../../main/host';

const root = path.resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function run(dataDir: string, csv: string): { status: number | null; out: string } {
  const file = path.join(dataDir, 'import.csv');
  fs.writeFileSync(file, csv);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'main/catalog/cli.ts', 'import', file, '--data', dataDir],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('npm run catalog -- import', () => {
  it('imports nothing from a file with a bad row, and says which line and why', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-cli-'));
    dirs.push(dataDir);
    const csv = 'sku,name,price,tax_category\nTEA-1,铁观音,58.00,food\nTEA-2,龙井,abc,food\n';
    const r = run(dataDir, csv);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/line 3, price: /);
    const host = await createHost({ dataDir, log: () => undefined });
    const found = await host.dispatch('catalog.search', { query: 'TEA-' });
    expect(found.ok && found.value.filter((p) => p.sku.startsWith('TEA-'))).toEqual([]);
    await host.close();
  });

  it('imports a good file that the app then finds by pinyin', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-cli-'));
    dirs.push(dataDir);
    const r = run(dataDir, 'sku,name,name_en,price,tax_category\nTEA-1,铁观音,Tieguanyin,58.00,food\n');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/Imported 1 new and updated 0 products/);
    const host = await createHost({ dataDir, log: () => undefined });
    const found = await host.dispatch('catalog.search', { query: 'tgy' });
    expect(found.ok && found.value.map((p) => p.priceMinor)).toEqual([5800]);
    await host.close();
  });
});
