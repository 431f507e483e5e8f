// Receipts search (sale.history) on a store with many sales, beside the same query on a small store (target:
// every search under 50 ms at the large size), plus what the search structures cost: bytes per sale (dbstat),
// the migration's fill, and the sale commit with and without them (same build, samples interleaved).
// The large store's sales are written straight into a migrated store in one transaction
// (test/main/sale/history-seed.ts); the search index is kept by the same trigger as on the till.
// RECEIPTS_BENCH_SALES sets the large size (default 200,000). Alone: node --import tsx bench/receipts-search.bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { CartView } from '../main/api/contract';
import { DEMO } from '../main/catalog/demo';
import { createHost } from '../main/host';
import type { Host } from '../main/host-types';
import { createSaleHistory, type HistoryQuery } from '../main/sale/receipt-search';
import { openDatabase, type Database } from '../main/store/db';
import { migrate } from '../main/store/migrate';
import { migrations } from '../main/store/migrations/index';
import { receiptNoOf, seedSales } from '../test/support/history-seed';
import { percentile, printReport, type BenchRow, type BenchReport } from './lib';

const LARGE = Number(process.env.RECEIPTS_BENCH_SALES ?? 200_000);
const SMALL = 1_000;
const RUNS = 30;
const COMMIT_ROUNDS = Number(process.env.RECEIPTS_BENCH_COMMITS ?? 300);
const START = Date.UTC(2025, 0, 1);
/** ~1,000 sales a day, as a busy shop */
const SPACING = 86_400;
const TARGET_MS = 50;

/** Deterministic amounts: one in ten is a popular 12.50; cards pay 40 %, with last fours spread evenly. */
const total = (i: number): number => (i % 10 === 0 ? 1250 : 100 + ((i * 7919) % 99_900));
const last4 = (i: number): string | null =>
  i % 5 < 2 ? String((i * 2654435761) % 10_000).padStart(4, '0') : null;

async function store(dir: string, count: number): Promise<{ db: Database; ms: number }> {
  const file = path.join(dir, `pos-${count}.sqlite`);
  const db = openDatabase(file);
  await migrate(db, { file, backupDir: path.join(dir, 'backups'), now: () => new Date(), migrations });
  const t0 = performance.now();
  seedSales(db, { count, startMs: START, spacingMs: SPACING, total, last4 });
  db.exec('ANALYZE');
  return { db, ms: performance.now() - t0 };
}

const dayOf = (i: number): string =>
  new Date(START + (i - 1) * SPACING + 8 * 3_600_000).toISOString().slice(0, 10);

/** The same query forms on a store of `n` sales, picked so that each finds what its name says. */
function queries(n: number): [string, HistoryQuery][] {
  const mid = Math.floor(n / 2) + 3; // not a multiple of 10: not the popular amount
  const pick = (k: number): number => ((k * 7_777) % n) + 1;
  const card = [pick(1), pick(2), pick(3), pick(4)].find((i) => last4(i) !== null) ?? 1;
  return [
    ['fragment matching little', { query: String(mid).padStart(6, '0').slice(1) }],
    ['full receipt number', { query: receiptNoOf('T01', mid) }],
    ['fragment with no match', { query: '9Z9' }],
    ['2-character fragment (end of number)', { query: '45' }],
    ['fragment matching nearly all', { query: 'T01-' }],
    ['one shop day', { from: dayOf(mid), to: dayOf(mid) }],
    ['30 shop days', { from: dayOf(Math.max(1, mid - 30_000)), to: dayOf(mid) }],
    ['amount, rare', { amountMinor: total(mid) }],
    ['amount, popular (1 sale in 10)', { amountMinor: 1250 }],
    ['amount on one day', { amountMinor: 1250, from: dayOf(mid), to: dayOf(mid) }],
    ['card last four', { last4: last4(card) ?? '0000' }],
    ['no filter, first page', {}],
  ];
}

function timeQueries(db: Database, n: number): Map<string, { p50: number; max: number; rows: number }> {
  const history = createSaleHistory(db, { timeZone: 'Asia/Shanghai' });
  const out = new Map<string, { p50: number; max: number; rows: number }>();
  for (const [name, q] of queries(n)) {
    let rows = 0;
    const times: number[] = [];
    for (let r = 0; r < RUNS + 3; r++) {
      const t0 = performance.now();
      rows = history({ ...q, limit: 20 }).length;
      if (r >= 3) times.push(performance.now() - t0);
    }
    out.set(name, { p50: percentile(times, 50), max: Math.max(...times), rows });
  }
  // A page deep in the history: the cursor bounds the index range, so page 500 costs what page 1 does.
  const deep = history({ limit: 20, after: `${new Date(START + (n / 2) * SPACING).toISOString()}|~` });
  const deepTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    history({ limit: 20, after: deep.at(-1)?.cursor });
    deepTimes.push(performance.now() - t0);
  }
  out.set('no filter, a page in the middle', {
    p50: percentile(deepTimes, 50),
    max: Math.max(...deepTimes),
    rows: 20,
  });
  return out;
}

/** Bytes of each named B-tree, from dbstat. */
function bytesOf(db: Database): Map<string, number> {
  const rows = db.prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name`).all() as {
    name: string;
    bytes: number;
  }[];
  return new Map(rows.map((r) => [r.name, r.bytes]));
}

const searchBytes = (b: Map<string, number>): number =>
  [...b].filter(([name]) => name.startsWith('receipt_search')).reduce((s, [, v]) => s + v, 0);

/** The one-time fill migration 009 does, timed on a copy of its statements (then dropped again). */
function fillMs(db: Database): number {
  const t0 = performance.now();
  db.transaction(() => {
    db.exec(`CREATE VIRTUAL TABLE bench_fill USING fts5(doc, tokenize = 'trigram', detail = none, columnsize = 0);
      INSERT INTO bench_fill (doc) SELECT receipt_no || '$$' FROM sales ORDER BY completed_at, id;
      CREATE INDEX bench_total ON sales(total_minor, completed_at);
      CREATE INDEX bench_last4 ON payment_attempts(last4) WHERE last4 IS NOT NULL;`);
  })();
  const ms = performance.now() - t0;
  db.exec('DROP TABLE bench_fill; DROP INDEX bench_total; DROP INDEX bench_last4;');
  return ms;
}

/** 5-line cash sales on two hosts, one without the search structures, samples interleaved (same disk weather). */
async function commitCost(
  dir: string,
): Promise<{ with: number[]; without: number[]; ftsBytesPerSale: number }> {
  const hosts: Host[] = [];
  const dirs = ['with', 'without'].map((d) => path.join(dir, d));
  for (const d of dirs) hosts.push(await createHost({ dataDir: d, log: () => undefined }));
  const bare = openDatabase(path.join(dirs[1] as string, 'pos.sqlite'));
  bare.exec('DROP TRIGGER sales_receipt_search; DROP INDEX sales_total; DROP INDEX payment_attempts_last4;');
  bare.close();
  const codes = [
    DEMO.cola.barcode,
    DEMO.water.barcode,
    DEMO.milk.barcode,
    DEMO.bread.barcode,
    DEMO.chips.barcode,
  ];
  const times: [number[], number[]] = [[], []];
  const warmup = 30;
  try {
    for (let i = 0; i < COMMIT_ROUNDS + warmup; i++) {
      for (let h = 0; h < 2; h++) {
        const host = hosts[(i + h) % 2] as Host; // alternate which goes first
        let cart: CartView | null = null;
        for (const code of codes) {
          const r = await host.dispatch('cart.scan', { code });
          if (!r.ok) throw new Error(r.error.message);
          cart = r.value;
        }
        if (!cart) throw new Error('no cart');
        const t0 = performance.now();
        const r = await host.dispatch('sale.tenderCash', {
          cartId: cart.cartId,
          cartVersion: cart.version,
          tenderedMinor: 100_000,
        });
        const ms = performance.now() - t0;
        if (!r.ok) throw new Error(r.error.message);
        if (i >= warmup) times[(i + h) % 2]?.push(ms);
      }
    }
  } finally {
    for (const host of hosts) await host.close();
  }
  const db = openDatabase(path.join(dirs[0] as string, 'pos.sqlite'), { readonly: true });
  const ftsBytesPerSale = searchBytes(bytesOf(db)) / (COMMIT_ROUNDS + warmup);
  db.close();
  return { with: times[0], without: times[1], ftsBytesPerSale };
}

export default async function run(): Promise<BenchReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-receipts-'));
  try {
    const small = await store(dir, SMALL);
    const large = await store(dir, LARGE);
    const smallTimes = timeQueries(small.db, SMALL);
    const largeTimes = timeQueries(large.db, LARGE);
    const rows: BenchRow[] = [];
    for (const [name, l] of largeTimes) {
      const s = smallTimes.get(name);
      rows.push({
        metric: `${name} at ${LARGE.toLocaleString('en')} sales, p50 (max ${l.max.toFixed(2)} ms, ${l.rows} rows)`,
        value: l.p50,
        unit: 'ms',
        ...(s ? { baseline: { name: `${SMALL.toLocaleString('en')} sales p50`, value: s.p50 } } : {}),
        target: `< ${TARGET_MS} ms`,
        pass: l.p50 < TARGET_MS,
      });
    }
    const b = bytesOf(large.db);
    const salesBytes =
      (b.get('sales') ?? 0) +
      (b.get('sqlite_autoindex_sales_1') ?? 0) +
      (b.get('sqlite_autoindex_sales_2') ?? 0) +
      (b.get('sales_completed_at') ?? 0);
    const perSale = (v: number): number => v / LARGE;
    const base = { name: 'sales table and its first 3 indexes, per sale', value: perSale(salesBytes) };
    rows.push(
      {
        metric: 'receipt_search (FTS5 trigram, all its tables), bytes per sale, bulk',
        value: perSale(searchBytes(b)),
        unit: 'B',
        baseline: base,
      },
      {
        metric: 'sales_total index, bytes per sale',
        value: perSale(b.get('sales_total') ?? 0),
        unit: 'B',
        baseline: base,
      },
      {
        metric: 'payment_attempts_last4 index, bytes per sale (40 % card)',
        value: perSale(b.get('payment_attempts_last4') ?? 0),
        unit: 'B',
        baseline: base,
      },
    );
    const fillSmall = fillMs(small.db);
    const fillLarge = fillMs(large.db);
    rows.push({
      metric: `migration 009 fill at ${LARGE.toLocaleString('en')} sales`,
      value: fillLarge,
      unit: 'ms',
      baseline: { name: `the same at ${SMALL.toLocaleString('en')} sales`, value: fillSmall },
    });
    rows.push({
      metric: `seeding the ${LARGE.toLocaleString('en')}-sale store (bench input)`,
      value: large.ms,
      unit: 'ms',
    });
    small.db.close();
    large.db.close();

    const commit = await commitCost(dir);
    const w50 = percentile(commit.with, 50);
    const wo50 = percentile(commit.without, 50);
    rows.push(
      {
        metric: `sale commit p50 with the search structures (${COMMIT_ROUNDS} sales)`,
        value: w50,
        unit: 'ms',
        baseline: { name: 'same build without them, p50', value: wo50 },
        target: '<= 1.1x without',
        pass: w50 <= 1.1 * wo50,
      },
      {
        metric: 'sale commit p99 with the search structures',
        value: percentile(commit.with, 99),
        unit: 'ms',
        baseline: { name: 'without them, p99', value: percentile(commit.without, 99) },
      },
      {
        metric: 'receipt_search bytes per sale, committed one sale at a time',
        value: commit.ftsBytesPerSale,
        unit: 'B',
        baseline: { name: 'bulk-filled, per sale', value: perSale(searchBytes(b)) },
      },
    );
    return {
      name: `receipts search (sale.history), ${LARGE.toLocaleString('en')} sales vs ${SMALL.toLocaleString('en')}`,
      rows,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  printReport(await run());
}
