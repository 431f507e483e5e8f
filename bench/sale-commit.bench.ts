// (a) The cost of making a 5-line cash sale durable (sale, lines, tender, hash-chained journal entry,
// outbox row, cart close: ONE transaction, synchronous=FULL) against the cheapest durable write there is:
// one raw single-row INSERT, autocommit, WAL + synchronous=FULL, in the same folder on the same disk.
// Samples are interleaved so both see the same disk weather. Target: p50 within 1.5x of the raw insert.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO } from '../main/catalog/demo';
import { createHost } from '../main/host';
import type { CartView } from '../main/api/contract';
import { percentile, type BenchReport } from './lib';

// SALE_COMMIT_ROUNDS: more rounds for a steadier p50 when comparing two builds.
const ROUNDS = Number(process.env.SALE_COMMIT_ROUNDS ?? 300);

export default async function run(): Promise<BenchReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-commit-'));
  const host = await createHost({ dataDir: dir, log: () => undefined });
  const raw = new Database(path.join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO t (body) VALUES (?)');

  const codes = [
    DEMO.cola.barcode,
    DEMO.water.barcode,
    DEMO.milk.barcode,
    DEMO.bread.barcode,
    DEMO.chips.barcode,
  ];
  const commit: number[] = [];
  const baseline: number[] = [];
  try {
    for (let i = 0; i < ROUNDS + 20; i++) {
      let cart: CartView | null = null;
      for (const code of codes) {
        const r = await host.dispatch('cart.scan', { code });
        if (!r.ok) throw new Error(r.error.message);
        cart = r.value as CartView;
      }
      if (!cart) throw new Error('no cart');
      const input = { cartId: cart.cartId, cartVersion: cart.version, tenderedMinor: 100_000 };

      const t0 = performance.now();
      insert.run(`row ${i}`);
      const t1 = performance.now();
      const r = await host.dispatch('sale.tenderCash', input);
      const t2 = performance.now();
      if (!r.ok) throw new Error(r.error.message);
      if (i >= 20) {
        baseline.push(t1 - t0);
        commit.push(t2 - t1);
      }
    }
  } finally {
    raw.close();
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const b50 = percentile(baseline, 50);
  const c50 = percentile(commit, 50);
  return {
    name: `sale commit: 5-line cash sale, ${ROUNDS} rounds (dispatch incl. validation)`,
    rows: [
      {
        metric: 'commit p50',
        value: c50,
        unit: 'ms',
        baseline: { name: 'raw fsync insert p50', value: b50 },
        target: 'p50 <= 1.5x raw insert',
        pass: c50 <= 1.5 * b50,
      },
      {
        metric: 'commit p99',
        value: percentile(commit, 99),
        unit: 'ms',
        baseline: { name: 'raw fsync insert p99', value: percentile(baseline, 99) },
      },
    ],
  };
}
