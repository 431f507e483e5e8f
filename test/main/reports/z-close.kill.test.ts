// A kill at any moment of the Z leaves either no Z (the day still open with all its totals) or the whole Z
// (row, journal entry, next day, print job); and a Z taken after the restart works and chains on.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeStore } from '../../../bench/support/large-store';
import { openDatabase, type Database } from '../../../main/store/db';
import { openDay } from '../../../main/reports/compute-report';
import { Z_STEPS } from '../../../main/reports/z-close';
import { verifyZChain } from '../../../main/reports/z-chain';
import { verifyJournal } from '../../../main/audit/journal';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
const CHILD = path.join(ROOT, 'test', 'support', 'z-kill-child.ts');

let seed = '';
beforeAll(async () => {
  seed = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-zkill-'));
  await generateLargeStore({ dataDir: seed, sales: 60, salesPerDay: 60, salesPerTransaction: 60 });
}, 240_000);
afterAll(() => fs.rmSync(seed, { recursive: true, force: true }));

/** A copy of the seeded store (its WAL folded in) for one kill. */
function copyStore(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-zkill-run-'));
  const src = openDatabase(path.join(seed, 'pos.sqlite'));
  // the open day holds a sale's totals (the generator may have closed every day it made)
  src
    .prepare(
      `INSERT INTO day_totals VALUES ((SELECT value FROM counters WHERE name = 'business-day'), 'sales',
      'kill-shift', '', 1, 990, 990, 0, 0, 1000, 0) ON CONFLICT DO NOTHING`,
    )
    .run();
  src.pragma('wal_checkpoint(TRUNCATE)');
  src.close();
  fs.copyFileSync(path.join(seed, 'pos.sqlite'), path.join(dir, 'pos.sqlite'));
  return path.join(dir, 'pos.sqlite');
}

/** Runs the Z in a child, SIGKILLs it once it says it paused at `step`. */
function killAt(file: string, step: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: { ...process.env, Z_FILE: file, Z_PAUSE_AT: step },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let errText = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes(`paused:${step}`)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (b: Buffer) => (errText += b.toString()));
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without pausing: ${errText}`)),
    );
  });
}

const figures = (db: Database): unknown =>
  db.prepare('SELECT metric, shift_id, operator_id, n, amount_minor FROM day_totals ORDER BY 1, 2, 3').all();
const n = (db: Database, sql: string): number => db.prepare(sql).pluck().get() as number;
/** Zs, their journal entries, report print jobs. */
const state = (db: Database): [number, number, number] => [
  n(db, 'SELECT count(*) FROM z_reports'),
  n(db, `SELECT count(*) FROM journal WHERE kind = 'z.closed'`),
  n(db, `SELECT count(*) FROM print_jobs WHERE kind = 'report'`),
];

describe('a Z killed at any moment', () => {
  it.each([...Z_STEPS, 'committed'])(
    'killed at %s: no Z or the whole Z, and a Z after restart',
    async (step) => {
      const file = copyStore();
      const before = openDatabase(file);
      const totals = figures(before);
      const day = openDay(before).dayNo;
      const was = state(before);
      before.close();

      await killAt(file, step);

      const db = openDatabase(file);
      try {
        const now = state(db);
        if (step === 'committed') {
          expect(now).toEqual(was.map((v) => v + 1));
          expect(openDay(db).dayNo).toBe(day + 1);
          expect(
            JSON.parse(db.prepare('SELECT body FROM z_reports ORDER BY z_no DESC').pluck().get() as string),
          ).toMatchObject({ dayNo: day, sales: { totalMinor: expect.any(Number) as number } });
        } else {
          expect(now).toEqual(was);
          expect(openDay(db).dayNo).toBe(day);
          expect(figures(db)).toEqual(totals);
        }
        expect(verifyJournal(db).ok).toBe(true);
        db.close();

        await killAt(file, 'committed'); // the next Z, after the restart
        const again = openDatabase(file);
        expect(verifyZChain(again)).toMatchObject({
          ok: true,
          count: was[0] + (step === 'committed' ? 2 : 1),
        });
        again.close();
      } finally {
        if (db.open) db.close();
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
      }
    },
    60_000,
  );
});
