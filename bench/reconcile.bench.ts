// Issue 14, point 8 (second half): reconciling a busy day (2,000 card and QR payments) in a store of
// 1,000,000 sales (BENCH_SALES=20000 while developing), beside the same day in an empty store, same run.
//
// The history store is the cached generated one (bench/support/store-cache.ts), copied for this run; the empty
// store is the same generator at 0 sales. Each gets the same busy day through the app's own write path
// (large-store.ts addPaymentDay: the attempt repo and the SaleWriter, as an approved card or QR payment is
// recorded), and the same gateway settlement of it, built from the payments with deliberate differences: a few
// payments left out (sale_no_charge), a few settled for another amount (amount_mismatch), a few charges the
// till never made (charged_no_sale), a fee on every row (one fee item). The settlement is imported once; then
// the reconciliation the manager's screen and `npm run reconcile` run (reconcile-day.ts reconcile: the day's
// rows read, the till's side read, matched, the items stored, the day's view assembled) is timed end to end,
// alternating between the two stores. Each run's items are checked against the differences made, so a
// reconciliation that matched wrongly cannot be timed as a fast one.
// Target: p50 under 1 s on the history store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ReconClass } from '../main/api/contract/reconciliation';
import { createReconciliation, type Reconciliation } from '../main/reconciliation/reconcile-day';
import type { SettlementRow } from '../main/reconciliation/settlement-row';
import { openStore } from '../main/store/open-store';
import type { Database } from '../main/store/db';
import { percentile, type BenchReport, type BenchRow } from './lib';
import { addPaymentDay, generateLargeStore, type DayPayment } from './support/large-store';
import { cachedStore, copyStore } from './support/store-cache';

const SALES = Number(process.env.BENCH_SALES ?? 1_000_000);
const PAYMENTS = Number(process.env.BENCH_RECON_PAYMENTS ?? 2_000);
const RUNS = Number(process.env.BENCH_RECON_RUNS ?? 7);
const TARGET_MS = 1000;
/** The busy day: after any generated history (1,000,000 sales end in 2026), in the gateway's time zone. */
export const DAY = '2031-03-14';
export const TIME_ZONE = 'Asia/Shanghai';
/** 09:00-20:00 China time that day. */
export const FROM = new Date('2031-03-14T01:00:00Z');
const HOURS = 11;
/** Every EVERY-th payment left out of the settlement, and the one after it settled one fen more. */
const EVERY = 200;
const EXTRA_CHARGES = 5;
const FEE_BP = 60;

const log = (line: string): void => console.log(`  [reconcile] ${line}`);

/** The gateway's settlement of the day: one charge row per payment, less and more the differences above. */
export function settlementOf(payments: readonly DayPayment[]): SettlementRow[] {
  const rows: SettlementRow[] = [];
  const push = (p: Omit<SettlementRow, 'line' | 'source' | 'kind' | 'refundId' | 'feeMinor' | 'status'>) =>
    rows.push({
      ...p,
      line: rows.length + 1,
      source: 'gateway',
      kind: 'charge',
      refundId: null,
      feeMinor: Math.round((p.amountMinor * FEE_BP) / 10_000),
      status: 'SUCCESS',
    });
  payments.forEach((p, i) => {
    if (i % EVERY === 0) return; // sale_no_charge
    push({
      reference: p.attemptId,
      providerId: p.gatewayId,
      tender: p.kind,
      brand: p.brand,
      amountMinor: p.amountMinor + (i % EVERY === 1 ? 1 : 0), // amount_mismatch
      at: p.at,
      terminalId: null,
    });
  });
  for (let k = 0; k < EXTRA_CHARGES; k++) {
    // charged_no_sale: the gateway charged a card for a reference the till never sent.
    push({
      reference: `bench-unknown-${k}`,
      providerId: `pay_bench_unknown_${k}`,
      tender: 'card',
      brand: 'visa',
      amountMinor: 1_234 + k,
      at: new Date(FROM.getTime() + (k + 1) * 3_600_000).toISOString(),
      terminalId: null,
    });
  }
  return rows;
}

/** What the reconciliation must find: the differences settlementOf made, every other payment matched. */
export function expectedClasses(payments: number): ReadonlyMap<ReconClass, number> {
  const dropped = Math.ceil(payments / EVERY);
  const mismatched = Math.ceil((payments - 1) / EVERY);
  return new Map<ReconClass, number>([
    ['matched', payments - dropped - mismatched],
    ['sale_no_charge', dropped],
    ['amount_mismatch', mismatched],
    ['charged_no_sale', EXTRA_CHARGES],
    ['fee', 1],
  ]);
}

interface Side {
  readonly name: string;
  readonly db: Database;
  readonly recon: Reconciliation;
  readonly ms: number[];
}

async function prepare(name: string, dataDir: string): Promise<Side> {
  const p0 = performance.now();
  const payments = await addPaymentDay({ dataDir, payments: PAYMENTS, from: FROM, hours: HOURS });
  log(`${name}: ${payments.length} payments made in ${((performance.now() - p0) / 1000).toFixed(1)} s`);
  const clock = { ms: FROM.getTime() + 86_400_000 };
  const now = (): Date => new Date(clock.ms);
  let ids = 0;
  const { db } = await openStore({ dataDir, now, log: () => undefined });
  const recon = createReconciliation({
    ...{ db, now, timeZone: TIME_ZONE, training: false },
    newId: () => `bench-${name}-${++ids}`,
  });
  const rows = settlementOf(payments);
  const imported = recon.importRows({
    ...{ day: DAY, source: 'gateway', fileName: null, sha256: `bench-${rows.length}`, rows },
    importedBy: null,
  });
  if (imported.kind !== 'imported') throw new Error(`${name}: the settlement was not imported`);
  return { name, db, recon, ms: [] };
}

/** The classes of a reconciled day, checked against what the settlement was built to hold. */
function check(side: Side, items: readonly { class: ReconClass }[]): void {
  const got = new Map<ReconClass, number>();
  for (const i of items) got.set(i.class, (got.get(i.class) ?? 0) + 1);
  const want = expectedClasses(PAYMENTS);
  const show = (m: ReadonlyMap<ReconClass, number>): string => [...m].map(([c, n]) => `${c} ${n}`).join(', ');
  if (got.size !== want.size || [...want].some(([c, n]) => got.get(c) !== n))
    throw new Error(`${side.name}: reconciled as ${show(got)}; the settlement holds ${show(want)}`);
}

export default async function run(): Promise<BenchReport> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-reconcile-'));
  const sides: Side[] = [];
  try {
    const cached = await cachedStore(
      { sales: SALES },
      { log, allowStale: process.env.BENCH_ALLOW_STALE_STORE === '1' },
    );
    if (cached.staleKey !== null)
      log(`STALE STORE (BENCH_ALLOW_STALE_STORE=1): key ${cached.staleKey}, current ${cached.key}`);
    const bigDir = path.join(work, 'history');
    const c0 = performance.now();
    copyStore(cached.dir, bigDir);
    log(
      `store of ${SALES.toLocaleString('en')} sales copied in ${((performance.now() - c0) / 1000).toFixed(1)} s`,
    );
    const emptyDir = path.join(work, 'empty');
    await generateLargeStore({ dataDir: emptyDir, sales: 0 });
    sides.push(await prepare('empty', emptyDir));
    sides.push(await prepare('history', bigDir));
    const [empty, big] = sides as [Side, Side];
    // One unmeasured run each (statements prepared, pages read), then alternating.
    for (let r = 0; r < RUNS + 1; r++) {
      for (const side of r % 2 ? [big, empty] : [empty, big]) {
        const t0 = performance.now();
        const view = side.recon.reconcile(DAY);
        const ms = performance.now() - t0;
        check(side, view.items);
        if (r > 0) side.ms.push(ms);
      }
    }
    const p50 = (s: Side): number => percentile(s.ms, 50);
    const label = `${PAYMENTS.toLocaleString('en')} payments @ ${SALES.toLocaleString('en')} sales`;
    const rows: BenchRow[] = [
      {
        metric: `reconcile a day of ${label} p50 (of ${RUNS})`,
        value: p50(big),
        unit: 'ms',
        baseline: { name: 'same day, empty store', value: p50(empty) },
        target: `< ${TARGET_MS} ms`,
        pass: p50(big) < TARGET_MS,
      },
    ];
    log(`runs, empty: ${empty.ms.map((m) => m.toFixed(0)).join(' ')} ms`);
    log(`runs, history: ${big.ms.map((m) => m.toFixed(0)).join(' ')} ms`);
    return { name: `reconcile: a busy day, empty store vs ${SALES.toLocaleString('en')} sales`, rows };
  } finally {
    for (const s of sides) s.db.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
