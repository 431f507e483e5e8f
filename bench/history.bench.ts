// Issue 10, point 1: every figure a cashier or a start-up waits on, on an EMPTY store and on a store with a
// shop's history (1,000,000 sales by default; BENCH_SALES=20000 while developing), side by side, in one run.
//
// The history store is generated through the app's own write path (bench/support/large-store.ts) and cached
// outside the repo (bench/support/store-cache.ts: rebuilt when the generator, the write path or a migration
// changes); each run works on a copy. The empty store is the same generator at 0 sales (same catalog, same
// config). Both tills run at once in this process, each with a TCP receipt printer emulator on loopback and
// its own sandbox gateway in a child process, configured as a live shop (not training mode); measurements
// alternate between the two so drift on a shared machine hits both alike.
//
// Figures, each through createHost + host.dispatch as the UI calls them:
//   cart.scan p50; sale.tenderCash p50 and p99;
//   answer -> last receipt byte: the tender's answer to the last byte of that receipt at the printer;
//   answer -> main idle: to the first moment at which the sale's receipt has printed, its upload is `sent`,
//     and the main thread then stays quiet for 50 ms (busy <= 2 ms of it; bench/support/idle-meter.ts);
//   start-up to ready: createHost until the first app.bootstrap answer, warm (median of 9 after one unmeasured
//     start) and cold (after dropping the page cache, where the machine permits it);
//   sale.history: a fragment that matches little, a full receipt number, no match; sale.last; app.bootstrap;
//   bytes per sale (whole file and per table, from the dbstat virtual table);
//   the manager's day (issue 13 point 5), both tills selling with a cashier signed in and a shift open (each
//     sale attributed): report.x, shift.close (blind count), report.z (manager's PIN included), shift.open.
// Targets: each figure with history within 1.2x of the empty store's; searches under 50 ms; at most 1.5 KB a
// sale; X and Z under 1 s, a shift's open and close under 50 ms. A miss says MISSED.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { CartView, Channel, Input, Output } from '../main/api/contract';
import { DEMO, demoScaleLabel } from '../main/catalog/demo';
import type { PosConfig } from '../main/config/config';
import { createHost } from '../main/host';
import type { Host } from '../main/host-types';
import { openDatabase } from '../main/store/db';
import { TcpPrinterEmulator } from '../native/emulators/tcp-printer';
import { percentile, type BenchReport, type BenchRow } from './lib';
import { startGatewayProcess, type GatewayProcess } from '../test/support/gateway-process';
import { whenIdle } from './support/idle-meter';
import {
  countOf,
  DAY_FLOAT,
  generateLargeStore,
  LARGE_STORE_CONFIG,
  LARGE_STORE_STAFF,
} from './support/large-store';
import { replayFloor } from './support/replay-floor';
import { cachedStore, copyStore } from './support/store-cache';
import { TimedPrinter } from './support/timed-printer';

const SALES = Number(process.env.BENCH_SALES ?? 1_000_000);
/** Sales made on each till while measuring (the first WARMUP are not counted). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 80);
const WARMUP = 5;
const READS = 30;
const WARM_STARTS = 9;
const SECRET_HEX = '07'.repeat(32);
const RATIO = 1.2;
/** Days closed on each till for the manager's figures (shift close, Z, shift open), and sales in each. */
const DAYS = Number(process.env.BENCH_DAYS ?? 7);
const SALES_PER_DAY = Number(process.env.BENCH_DAY_SALES ?? 20);
const REPORT_MS = 1000;
const SHIFT_MS = 50;
const [CASHIER, , MANAGER] = LARGE_STORE_STAFF;
const SEARCH_MS = 50;
const BYTES_PER_SALE = 1536;

const log = (line: string): void => console.log(`  [history] ${line}`);

async function call<C extends Channel>(host: Host, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await host.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

interface Till {
  readonly name: string;
  readonly dataDir: string;
  readonly printer: TimedPrinter;
  readonly emulator: TcpPrinterEmulator;
  readonly gateway: GatewayProcess;
  readonly gatewayDir: string;
  /** the test's own read-only connection: job and outbox states, by key */
  readonly peek: Database.Database;
  host: Host | null;
}

const open = (dataDir: string): Promise<Host> => createHost({ dataDir, log: () => undefined });

async function startTill(name: string, dataDir: string): Promise<Till> {
  const printer = new TimedPrinter({ chineseByDefault: true });
  const emulator = new TcpPrinterEmulator(printer);
  const port = await emulator.start();
  fs.writeFileSync(path.join(dataDir, 'terminal-secret'), SECRET_HEX, { mode: 0o600 });
  const gwDir = fs.mkdtempSync(path.join(os.tmpdir(), `pos-bench-gw-${name}-`));
  // A live till talks to its gateway over HTTPS, its certificate pinned (main/config: http is training-only).
  const gateway = await startGatewayProcess(gwDir, [
    ...['--tls', '--terminal', 'T01', '--secret-file', path.join(dataDir, 'terminal-secret')],
  ]);
  fs.copyFileSync(gateway.certFile ?? '', path.join(dataDir, 'gateway-cert.pem'));
  const config: PosConfig = {
    ...LARGE_STORE_CONFIG,
    trainingMode: false,
    printer: { profileId: 'cn-80', connection: { kind: 'tcp', host: emulator.host, port } },
    gateway: { url: gateway.url, terminalSecretFile: 'terminal-secret', serverCertFile: 'gateway-cert.pem' },
  };
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(config, null, 2));
  const peek = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
  return { name, dataDir, printer, emulator, gateway, gatewayDir: gwDir, peek, host: null };
}

async function stopTill(t: Till): Promise<void> {
  await t.host?.close();
  t.host = null;
  t.peek.close();
  await new Promise<void>((resolve) => {
    if (t.gateway.child.exitCode !== null) return resolve();
    t.gateway.child.once('exit', () => resolve());
    t.gateway.child.kill('SIGTERM');
  });
  await t.emulator.stop();
  fs.rmSync(t.gatewayDir, { recursive: true, force: true });
}

/** createHost until the first app.bootstrap answer, in ms; the host is closed again. */
async function startUp(t: Till): Promise<number> {
  const t0 = performance.now();
  const host = await open(t.dataDir);
  await call(host, 'app.bootstrap', {});
  const ms = performance.now() - t0;
  await host.close();
  return ms;
}

function dropPageCache(): boolean {
  // BENCH_WARM_ONLY=1: keep the OS page cache (then the cold start-up is skipped and selling is measured on a
  // warm store, as during a trading day; by default selling follows the cold starts, as a till's morning does).
  if (process.env.BENCH_WARM_ONLY === '1') return false;
  try {
    execSync('sync; echo 3 > /proc/sys/vm/drop_caches', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

interface SaleFigures {
  readonly scans: number[];
  readonly tender: number;
  readonly lastByte: number;
  readonly idle: number;
  readonly receiptNo: string;
}

/** One sale as a cashier makes it: three scans (one a scale label), cash; then waits for the till to be idle. */
async function oneSale(t: Till, round: number): Promise<SaleFigures> {
  const h = t.host as Host;
  const codes = [
    round % 2 ? DEMO.cola.barcode : DEMO.water.barcode,
    demoScaleLabel('apples', 500 + (round % 400)),
    DEMO.noodles.barcode,
  ];
  const scans: number[] = [];
  let cart: CartView | null = null;
  for (const code of codes) {
    const t0 = performance.now();
    cart = await call(h, 'cart.scan', { code });
    scans.push(performance.now() - t0);
  }
  if (!cart) throw new Error('no cart');
  const receiptJob = t.peek.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM print_jobs');
  const t0 = performance.now();
  const sale = await call(h, 'sale.tenderCash', {
    cartId: cart.cartId,
    cartVersion: cart.version,
    tenderedMinor: cart.totals.totalMinor + 10_000,
  });
  const answered = performance.now();
  // The sale's receipt is the newest job (its drawer kick comes just before it); its upload is keyed by the sale.
  const jobId = receiptJob.get()?.id ?? 0;
  const jobState = t.peek.prepare<[number], { state: string }>('SELECT state FROM print_jobs WHERE id = ?');
  const rowState = t.peek.prepare<[string], { state: string }>(
    'SELECT state FROM outbox WHERE idempotency_key = ?',
  );
  const key = `sale:${sale.saleId}`;
  const idleAt = await whenIdle({
    ready: () => jobState.get(jobId)?.state === 'printed' && rowState.get(key)?.state === 'sent',
  });
  return {
    scans,
    tender: answered - t0,
    lastByte: t.printer.lastDataAt - answered,
    idle: idleAt - answered,
    receiptNo: sale.receiptNo,
  };
}

async function timeReads<C extends Channel>(t: Till, channel: C, input: Input<C>): Promise<number> {
  const t0 = performance.now();
  await call(t.host as Host, channel, input);
  return performance.now() - t0;
}

/** One read figure: a channel with its input per till (typed per channel), timed on both tills alternately. */
interface Read {
  readonly metric: string;
  readonly search: boolean;
  readonly time: (t: Till) => Promise<number>;
}
const read = <C extends Channel>(
  metric: string,
  channel: C,
  input: (t: Till) => Input<C>,
  search: boolean,
): Read => ({ metric, search, time: (t) => timeReads(t, channel, input(t)) });

/** Bytes per table (indexes counted with their table) and in all, from dbstat; null when it is not compiled in. */
function tableBytes(file: string): { tables: Map<string, number>; total: number } | null {
  const db = new Database(file, { readonly: true });
  try {
    const owner = new Map(
      (
        db.prepare(`SELECT name, tbl_name FROM sqlite_schema`).all() as { name: string; tbl_name: string }[]
      ).map((r) => [r.name, r.tbl_name]),
    );
    let rows: { name: string; bytes: number }[];
    try {
      rows = db.prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name`).all() as typeof rows;
    } catch {
      return null;
    }
    const tables = new Map<string, number>();
    let total = 0;
    for (const r of rows) {
      const table = owner.get(r.name) ?? r.name;
      tables.set(table, (tables.get(table) ?? 0) + r.bytes);
      total += r.bytes;
    }
    return { tables, total };
  } finally {
    db.close();
  }
}

/** Pages in use (file size less free pages), when dbstat is missing. */
function usedBytes(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const n = (p: string): number => db.pragma(p, { simple: true }) as number;
    return (n('page_count') - n('freelist_count')) * n('page_size');
  } finally {
    db.close();
  }
}

const p50 = (xs: readonly number[]): number => percentile(xs, 50);

/** What the drawer of the open shift holds: the float and the shift's cash takings (no cash refunds here). */
function drawerHolds(t: Till, shiftId: string, floatMinor: number): number {
  const cash = t.peek
    .prepare<[string], { n: number | null }>(
      `SELECT sum(amount_minor) AS n FROM day_totals WHERE shift_id = ? AND metric = 'tender:cash'`,
    )
    .get(shiftId);
  return floatMinor + (cash?.n ?? 0);
}

/**
 * Issue 13 point 5: the manager's figures, each day on both tills alternately: an X report of the open day,
 * the shift's blind close (the drawer counted), the Z (with the manager's PIN, as the screen sends it), the
 * next shift's open, then a few sales. The Z of each day reads that day's summary rows, whose number depends
 * on the metrics, shifts and cashiers of the day, not on its sales nor on the history behind it.
 */
async function managersDay(pair: readonly [Till, Till], label: string): Promise<BenchRow[]> {
  const names = ['report.x', 'shift.close', 'report.z', 'shift.open'] as const;
  const times = new Map<string, number[]>();
  const timed = async <T>(t: Till, name: string, fn: () => Promise<T>, keep: boolean): Promise<T> => {
    const t0 = performance.now();
    const v = await fn();
    const key = `${t.name} ${name}`;
    if (keep) times.set(key, [...(times.get(key) ?? []), performance.now() - t0]);
    return v;
  };
  for (let day = 0; day < DAYS + 1; day++) {
    const keep = day > 0; // the first day warms the report worker and the code
    for (const t of day % 2 ? [pair[1], pair[0]] : [pair[0], pair[1]]) {
      const h = t.host as Host;
      for (let i = 0; i < SALES_PER_DAY; i++) await oneSale(t, i);
      for (let i = 0; i < 3; i++) await timed(t, 'report.x', () => call(h, 'report.x', {}), keep);
      const shift = await call(h, 'shift.current', {});
      if (!shift) throw new Error(`${t.name}: no shift to close`);
      const counts = countOf(shift.currency, drawerHolds(t, shift.shiftId, shift.floatMinor));
      const closed = await timed(t, 'shift.close', () => call(h, 'shift.close', { counts }), keep);
      if (closed.state !== 'closed') throw new Error(`${t.name}: the shift waits for a sign-off`);
      const approval = { operatorCode: MANAGER.code, pin: MANAGER.pin };
      await timed(t, 'report.z', () => call(h, 'report.z', { approval }), keep);
      await timed(t, 'shift.open', () => call(h, 'shift.open', { floatCounts: DAY_FLOAT }), keep);
    }
  }
  const p = (till: Till, name: string): number => p50(times.get(`${till.name} ${name}`) ?? []);
  return names.map((name) => {
    const limit = name.startsWith('report') ? REPORT_MS : SHIFT_MS;
    const b = p(pair[1], name);
    return {
      metric: `${name} p50 @ ${label}`,
      value: b,
      unit: 'ms',
      baseline: { name: 'empty store', value: p(pair[0], name) },
      target: `< ${limit} ms`,
      pass: b < limit,
    };
  });
}

export default async function run(): Promise<BenchReport> {
  const rows: BenchRow[] = [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-history-'));
  const tills: Till[] = [];
  try {
    // ---- the stores ----
    const t0 = performance.now();
    const cached = await cachedStore(
      { sales: SALES },
      { log, allowStale: process.env.BENCH_ALLOW_STALE_STORE === '1' },
    );
    if (cached.staleKey !== null) {
      log(
        `STALE STORE (BENCH_ALLOW_STALE_STORE=1): built from older sources (key ${cached.staleKey}, current ${cached.key}); ` +
          'its rows were written by that code, and the app migrates its schema forward when it opens the copy',
      );
    }
    if (cached.built)
      log(`store of ${SALES.toLocaleString('en')} sales built in ${(cached.built.ms / 1000).toFixed(1)} s`);
    else
      log(
        `store of ${SALES.toLocaleString('en')} sales from the cache (built in ${(cached.summary.ms / 1000).toFixed(1)} s)`,
      );
    const s = cached.summary;
    log(
      `  history: cash ${s.cash}, card ${s.card}, QR ${s.qr}, refunds ${s.refunds}, lines ${s.lines} (weighed ${s.weighedLines}), ` +
        `line discounts ${s.lineDiscounts}, order discounts ${s.orderDiscounts}, ${s.firstSaleAt} .. ${s.lastSaleAt}`,
    );
    const bigDir = path.join(work, 'history');
    const c0 = performance.now();
    copyStore(cached.dir, bigDir);
    log(`copied for this run in ${((performance.now() - c0) / 1000).toFixed(1)} s`);
    const emptyDir = path.join(work, 'empty');
    await generateLargeStore({ dataDir: emptyDir, sales: 0 });
    log(`stores ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const empty = await startTill('empty', emptyDir);
    tills.push(empty);
    const big = await startTill('history', bigDir);
    tills.push(big);
    const pair = [empty, big] as const;
    const label = `${SALES.toLocaleString('en')} sales`;
    const judged = (metric: string, e: number, b: number, unit = 'ms'): BenchRow => ({
      metric: `${metric} @ ${label}`,
      value: b,
      unit,
      baseline: { name: 'empty store', value: e },
      target: `<= ${RATIO}x empty`,
      pass: b <= RATIO * e,
    });

    // ---- start-up, warm then cold ----
    const warm = new Map<Till, number[]>(pair.map((t) => [t, []]));
    for (const t of pair) await startUp(t); // unmeasured: warms the page cache and the code
    for (let i = 0; i < WARM_STARTS; i++) for (const t of pair) warm.get(t)?.push(await startUp(t));
    rows.push(
      judged('start-up to ready, warm (median)', p50(warm.get(empty) ?? []), p50(warm.get(big) ?? [])),
    );
    const cold = new Map<Till, number>();
    for (const t of pair) {
      if (!dropPageCache()) break;
      cold.set(t, await startUp(t));
    }
    const ce = cold.get(empty);
    const cb = cold.get(big);
    if (ce !== undefined && cb !== undefined) rows.push(judged('start-up to ready, cold', ce, cb));
    else
      log(
        'start-up after dropping the page cache: skipped: not permitted (cannot write /proc/sys/vm/drop_caches)',
      );

    // ---- selling, alternating between the two tills ----
    for (const t of pair) {
      t.host = await open(t.dataDir);
      await call(t.host, 'app.bootstrap', {});
      // A live till sells with a cashier signed in and the drawer's shift open (main/sale/till-gate.ts).
      await call(t.host, 'session.signIn', { operatorCode: CASHIER.code, pin: CASHIER.pin });
      await call(t.host, 'shift.open', { floatCounts: DAY_FLOAT });
    }
    // Selling is measured on tills with nothing waiting: a store generated by an older build may still hold its
    // last day's uploads, and sending them meanwhile would load one till and not the other.
    for (const t of pair) {
      const d0 = performance.now();
      const waiting = t.peek.prepare<[], { n: number }>(
        `SELECT (SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')) +
                (SELECT count(*) FROM print_jobs WHERE state IN ('queued', 'printing')) AS n`,
      );
      const before = waiting.get()?.n ?? 0;
      while ((waiting.get()?.n ?? 0) > 0) {
        if (performance.now() - d0 > 300_000) throw new Error(`${t.name}: queues not drained in 5 minutes`);
        await new Promise((r) => setTimeout(r, 100));
      }
      if (before > 0)
        log(
          `${t.name}: ${before} queued uploads/print jobs drained in ${((performance.now() - d0) / 1000).toFixed(1)} s`,
        );
    }
    // Two passes: the first sales after the cold starts (the OS has just dropped its page cache, as after a
    // reboot: each sale reads the index leaves it lands in from disk), then the same again warm, as through a
    // trading day. Both are judged.
    let figures = new Map<Till, SaleFigures[]>();
    for (const pass of ['after a cold start: ', ''] as const) {
      figures = new Map<Till, SaleFigures[]>(pair.map((t) => [t, []]));
      for (let r = 0; r < ROUNDS + WARMUP; r++) {
        for (const t of r % 2 ? [big, empty] : [empty, big]) {
          const f = await oneSale(t, r);
          if (r >= WARMUP) figures.get(t)?.push(f);
        }
      }
      const fe = figures.get(empty) ?? [];
      const fb = figures.get(big) ?? [];
      const both = (metric: string, of: (xs: readonly SaleFigures[]) => number): void =>
        void rows.push(judged(`${pass}${metric}`, of(fe), of(fb)));
      both('cart.scan p50', (xs) => p50(xs.flatMap((f) => f.scans)));
      both('sale.tenderCash p50', (xs) => p50(xs.map((f) => f.tender)));
      both('sale.tenderCash p99', (xs) =>
        percentile(
          xs.map((f) => f.tender),
          99,
        ),
      );
      both('answer -> last receipt byte p50', (xs) => p50(xs.map((f) => f.lastByte)));
      both('answer -> main idle p50', (xs) => p50(xs.map((f) => f.idle)));
      both('answer -> main idle p99', (xs) =>
        percentile(
          xs.map((f) => f.idle),
          99,
        ),
      );
    }

    // ---- reads: receipts search, last sale, bootstrap ----
    // A fragment of a receipt from the middle of the history: matches one or two receipts there, none on the
    // empty store. The full number is each till's own newest receipt.
    const fragment = String(Math.max(1, Math.floor(SALES * 0.37)))
      .padStart(6, '0')
      .slice(-6);
    const reads: Read[] = [
      read(`sale.history fragment "${fragment}"`, 'sale.history', () => ({ query: fragment }), true),
      read(
        'sale.history full receipt number',
        'sale.history',
        (t) => ({ query: (figures.get(t) ?? []).at(-1)?.receiptNo }),
        true,
      ),
      read('sale.history no match', 'sale.history', () => ({ query: 'ZZZ-999999' }), true),
      read('sale.last', 'sale.last', () => ({}), false),
      read('app.bootstrap', 'app.bootstrap', () => ({}), false),
    ];
    for (const q of reads) {
      const times = new Map<Till, number[]>(pair.map((t) => [t, []]));
      for (let i = 0; i < READS + 3; i++) {
        for (const t of i % 2 ? [big, empty] : [empty, big]) {
          const ms = await q.time(t);
          if (i >= 3) times.get(t)?.push(ms);
        }
      }
      const e = p50(times.get(empty) ?? []);
      const b = p50(times.get(big) ?? []);
      rows.push(
        q.search
          ? {
              metric: `${q.metric} p50 @ ${label}`,
              value: b,
              unit: 'ms',
              baseline: { name: 'empty store', value: e },
              target: `< ${SEARCH_MS} ms`,
              pass: b < SEARCH_MS,
            }
          : judged(`${q.metric} p50`, e, b),
      );
    }
    rows.push(...(await managersDay(pair, label)));
    for (const t of pair) {
      await t.host?.close();
      t.host = null;
    }

    // ---- bytes ----
    const bigFile = path.join(bigDir, 'pos.sqlite');
    const emptyFile = path.join(emptyDir, 'pos.sqlite');
    const b0 = performance.now();
    const bt = tableBytes(bigFile);
    const et = tableBytes(emptyFile);
    const total = bt && et ? bt.total - et.total : usedBytes(bigFile) - usedBytes(emptyFile);
    rows.push({
      metric: `bytes per sale @ ${label}`,
      value: total / SALES,
      unit: 'B',
      target: `<= ${BYTES_PER_SALE} B`,
      pass: total / SALES <= BYTES_PER_SALE,
    });
    if (bt && et) {
      const perTable = [...bt.tables]
        .map(([name, bytes]) => ({ name, perSale: (bytes - (et.tables.get(name) ?? 0)) / SALES }))
        .filter((x) => x.perSale >= 1)
        .sort((a, b) => b.perSale - a.perSale);
      for (const x of perTable)
        rows.push({
          metric: `  bytes per sale in ${x.name} (with its indexes)`,
          value: x.perSale,
          unit: 'B',
        });
      log(`dbstat read in ${((performance.now() - b0) / 1000).toFixed(1)} s`);
    } else {
      log('bytes per table: skipped: the dbstat virtual table is not compiled into this SQLite');
    }

    // ---- what SQLite itself pays for the history: the same rows, no app code ----
    // Each till's newest sale written again by bare statements (support/replay-floor.ts), alternating between
    // the two stores: how much of the tender's growth with history is the B-trees' own (deeper trees, pages
    // read from further away), which no app code can take back.
    const replays = pair.map((t) => {
      const db = openDatabase(path.join(t.dataDir, 'pos.sqlite'));
      db.pragma('wal_autocheckpoint = 0'); // as the till's own connection
      const last = db.prepare(`SELECT hash AS id FROM counters WHERE name = 'sale.last'`).get() as {
        id: string;
      };
      return { t, db, replay: replayFloor(db, last.id), ms: [] as number[] };
    });
    try {
      for (let r = 0; r < ROUNDS + WARMUP; r++) {
        for (const x of r % 2 ? [...replays].reverse() : replays) {
          x.replay.prepare(r);
          const t0 = performance.now();
          x.replay.commit(r);
          if (r >= WARMUP) x.ms.push(performance.now() - t0);
        }
      }
      const [re, rb] = replays;
      if (re && rb) {
        for (const [what, e, b] of [
          ['p50', p50(re.ms), p50(rb.ms)],
          ['p99', percentile(re.ms, 99), percentile(rb.ms, 99)],
        ] as const) {
          rows.push({
            metric: `same rows as a sale, bare SQLite ${what} (informative) @ ${label}`,
            value: b,
            unit: 'ms',
            baseline: { name: 'empty store', value: e },
          });
        }
      }
    } finally {
      for (const x of replays) x.db.close();
    }
  } finally {
    for (const t of tills) await stopTill(t).catch(() => undefined);
    fs.rmSync(work, { recursive: true, force: true });
  }
  return {
    name: `history: empty store vs ${SALES.toLocaleString('en')} sales (${ROUNDS} sales on each)`,
    rows,
  };
}
