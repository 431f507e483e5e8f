// Start-up work on a store with a year of journal entries (200,000 sale entries of realistic size), before
// and after issue 10 point 3: the old open ran `PRAGMA quick_check` (every page) and the host walked the whole
// journal; now open reads the schema and each table's root path, and the journal is walked from the verified
// checkpoint (here: a day of sales, 1,000 entries, since the last verification). Also: how long the main event
// loop is held while the whole-store checks run in their worker threads, against running them inline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { CHECKPOINT_KEY } from '../main/audit/checkpoint';
import { appendJournal, verifyJournal } from '../main/audit/journal';
import { verifyJournalAtStartup } from '../main/audit/start-check';
import { openDatabase } from '../main/store/db';
import { migrate } from '../main/store/migrate';
import { runJob } from '../main/workers/run-job';
import type { BenchReport, BenchRow } from './lib';

const ENTRIES = 200_000;
const DAY = 1_000;
const RUNS = 15;

function saleBody(i: number): unknown {
  // The shape and size of a real sale.completed body (write-sale.ts), ~0.5 kB.
  return {
    cartId: `0193b1c2-7a4e-7${String(i).padStart(3, '0').slice(-3)}-9f1e-3c5d7a9b1e2f`,
    currency: 'CNY',
    lines: 3 + (i % 5),
    receiptNo: `T01-${String(i).padStart(8, '0')}`,
    saleId: `0193b1c2-7a4e-7000-8000-${String(i).padStart(12, '0')}`,
    taxMinor: 137 + (i % 97),
    tenders: [{ amountMinor: 2000 + (i % 500), changeMinor: i % 300, kind: 'cash', tenderedMinor: 5000 }],
    totalMinor: 1863 + (i % 400),
    training: false,
    items: Array.from({ length: 3 }, (_, k) => ({
      name: `商品 ${k} item`,
      qtyMilli: 1000,
      unitMinor: 650 + k,
    })),
  };
}

async function buildStore(dir: string, entries: number): Promise<string> {
  const file = path.join(dir, 'pos.sqlite');
  const db = openDatabase(file);
  await migrate(db, { file, backupDir: path.join(dir, 'backups'), now: () => new Date() });
  const at = new Date('2026-01-01T08:00:00Z').getTime();
  const append = (from: number, to: number): void =>
    db.transaction(() => {
      for (let i = from; i < to; i++)
        appendJournal(db, {
          at: new Date(at + i * 30_000).toISOString(),
          kind: 'sale.completed',
          ref: `s${i}`,
          body: saleBody(i),
        });
    })();
  append(0, entries - DAY);
  if (entries > DAY) verifyJournalAtStartup(db, Number.MAX_SAFE_INTEGER); // the last daily verification
  append(entries - DAY, entries);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Before: open with quick_check (what db.ts did), then verifyJournal over every entry (what host.ts did). */
function openBefore(file: string): number {
  const t0 = performance.now();
  const probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  probe.pragma('quick_check');
  probe.close();
  const db = openDatabase(file);
  const v = verifyJournal(db);
  const ms = performance.now() - t0;
  db.close();
  if (!v.ok) throw new Error(`bench store is broken: ${v.reason}`);
  return ms;
}

/** After: openDatabase as it is now, then the start-up journal check from the checkpoint. */
function openAfter(file: string, checkpoint: { value: number; hash: string } | undefined): number {
  if (checkpoint) {
    // Put the checkpoint back where the last daily verification left it, so every run walks the same day.
    const w = new BetterSqlite3(file);
    w.prepare('UPDATE counters SET value = ?, hash = ? WHERE name = ?').run(
      checkpoint.value,
      checkpoint.hash,
      CHECKPOINT_KEY,
    );
    w.close();
  }
  const t0 = performance.now();
  const db = openDatabase(file);
  const check = verifyJournalAtStartup(db);
  const ms = performance.now() - t0;
  db.close();
  if (!check.verdict.ok) throw new Error('bench store is broken');
  return ms;
}

/** The longest the main event loop went without a turn while `work` ran. */
async function maxLoopGap(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    worst = Math.max(worst, t - last);
    last = t;
  }, 1);
  await work();
  clearInterval(timer);
  return Math.max(worst, performance.now() - last);
}

export default async function bench(): Promise<BenchReport> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-startup-'));
  try {
    fs.mkdirSync(path.join(root, 'big'));
    fs.mkdirSync(path.join(root, 'empty'));
    const big = await buildStore(path.join(root, 'big'), ENTRIES);
    const empty = await buildStore(path.join(root, 'empty'), 0);
    const cp = (() => {
      const db = new BetterSqlite3(big, { readonly: true });
      const row = db.prepare('SELECT value, hash FROM counters WHERE name = ?').get(CHECKPOINT_KEY) as
        { value: number; hash: string } | undefined;
      db.close();
      return row;
    })();
    openBefore(big); // warm the page cache for both
    const before = median(Array.from({ length: RUNS }, () => openBefore(big)));
    const after = median(Array.from({ length: RUNS }, () => openAfter(big, cp)));
    openAfter(big, undefined); // the checkpoint moves to the head
    const atHead = median(Array.from({ length: RUNS }, () => openAfter(big, undefined)));
    const emptyAfter = median(Array.from({ length: RUNS }, () => openAfter(empty, undefined)));
    const mb = fs.statSync(big).size / 1024 / 1024;

    // The same whole-store work, inline on the main thread vs as worker jobs.
    const inline = await maxLoopGap(async () => {
      const db = openDatabase(big, { readonly: true });
      db.pragma('quick_check');
      verifyJournal(db);
      db.close();
    });
    const inWorker = await maxLoopGap(async () => {
      await runJob('store.check', { file: big, mode: 'quick' });
      await runJob('journal.verify', { file: big });
    });
    const rows: BenchRow[] = [
      {
        metric: `open + journal check at start, ${ENTRIES} entries (${mb.toFixed(0)} MB), ${DAY} since the checkpoint`,
        value: after,
        unit: 'ms',
        baseline: { name: 'before: quick_check at open + full journal walk', value: before },
        target: '<= 0.1x before',
        pass: after <= 0.1 * before,
      },
      {
        metric: 'open + journal check at start, same store, nothing journalled since the checkpoint',
        value: atHead,
        unit: 'ms',
        baseline: { name: 'the same on an empty store', value: emptyAfter },
        target: '<= 1.2x empty store',
        pass: atHead <= 1.2 * emptyAfter,
      },
      {
        metric: 'main event loop: longest gap while quick_check + full walk run in workers',
        value: inWorker,
        unit: 'ms',
        baseline: { name: 'the same checks inline on the main thread', value: inline },
        target: '< 50 ms',
        pass: inWorker < 50,
      },
    ];
    return { name: 'start-up checks (issue 10 points 3 and 6)', rows };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
