// The background maintenance: both whole-store checks in worker threads, results kept in settings (so the
// daily schedule and the last verdict survive a restart), the journal checkpoint moved by a full walk.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCheckpoint } from '../../../main/audit/checkpoint';
import { appendJournal } from '../../../main/audit/journal';
import type { Database } from '../../../main/store/db';
import { createMaintenance, DAY_MS, type MaintenanceReport } from '../../../main/health/maintenance';
import { migratedDatabase } from '../store/fixtures';

let db: Database;
let file: string;
let clock: Date;

beforeEach(async () => {
  ({ db, file } = await migratedDatabase());
  clock = new Date('2026-03-04T05:06:07.000Z');
  db.transaction(() => {
    for (let i = 0; i < 25; i++)
      appendJournal(db, { at: clock.toISOString(), kind: 'sale.completed', ref: `s${i}`, body: { i } });
  })();
});

const silent = (): void => undefined;
const maintenance = (onReport: (r: MaintenanceReport) => void = silent, startDelayMs = 60_000) =>
  createMaintenance({
    db,
    file,
    backupDir: path.join(path.dirname(file), 'backups'),
    now: () => clock,
    log: silent,
    onReport,
    startDelayMs,
  });

describe('createMaintenance', () => {
  it('has nothing to report on a store never checked, and is due at once (after the start delay)', () => {
    const m = maintenance();
    expect(m.report()).toEqual({ database: null, journal: null });
    expect(m.dueInMs()).toBe(60_000);
  });

  it('runs integrity_check and the full journal walk on demand, keeps the results, and moves the checkpoint', async () => {
    const seen: MaintenanceReport[] = [];
    const report = await maintenance((r) => seen.push(r)).runNow('integrity');
    expect(report.database).toMatchObject({
      at: clock.toISOString(),
      mode: 'integrity',
      ok: true,
      problems: [],
    });
    expect(report.journal).toMatchObject({ at: clock.toISOString(), ok: true, entries: 25, brokenAt: null });
    expect(seen).toEqual([report]);
    expect(readCheckpoint(db)?.seq).toBe(25);
    // Kept across a restart: a new instance reads the same, and the next daily run is a day later.
    const again = maintenance();
    expect(again.report()).toEqual(report);
    clock = new Date(clock.getTime() + 3_600_000);
    expect(again.dueInMs()).toBe(DAY_MS - 3_600_000);
  });

  it('the daily run starts by itself when due (quick_check), and reports', async () => {
    let m: ReturnType<typeof maintenance> | undefined;
    const r = await new Promise<MaintenanceReport>((resolve) => {
      m = maintenance(resolve, 0);
      m.start();
    });
    await m?.stop();
    expect(r.database).toMatchObject({ mode: 'quick', ok: true });
    expect(r.journal).toMatchObject({ ok: true, entries: 25 });
  });

  it('an edited journal entry is a failed walk: kept, and the checkpoint does not move', async () => {
    const raw = new BetterSqlite3(file);
    raw.exec('DROP TRIGGER IF EXISTS journal_no_update');
    raw.prepare(`UPDATE journal SET body = '{"i":99}' WHERE seq = 3`).run();
    raw.close();
    const r = await maintenance().runNow('quick');
    expect(r.journal).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'entry 3 was altered: its hash does not match',
    });
    expect(r.database).toMatchObject({ ok: true });
    expect(readCheckpoint(db)).toBeNull();
    expect(maintenance().report().journal).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('stop() during a run stops its worker and writes nothing afterwards', async () => {
    const m = maintenance();
    const run = m.runNow('integrity').catch((e: unknown) => e);
    // At once: a worker thread takes tens of ms just to start, so the check cannot have answered yet (waiting
    // a fixed time instead raced it on a loaded machine, where a small store's check can finish first).
    await m.stop();
    await run;
    expect(maintenance().report()).toEqual({ database: null, journal: null });
    await expect(m.runNow('quick')).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('backs up on demand into the backups folder, in a worker, a whole copy at the current version', async () => {
    const out = await maintenance().backup();
    expect(path.dirname(out)).toBe(path.join(path.dirname(file), 'backups'));
    expect(path.basename(out)).toBe(
      `pos-v${db.pragma('user_version', { simple: true })}-20260304T050607000Z.sqlite`,
    );
    const copy = new BetterSqlite3(out, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM journal').get()).toEqual({ n: 25 });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('a stored result that is not what this code wrote is ignored (treated as never checked)', () => {
    db.prepare(`INSERT INTO settings (key, value) VALUES ('maintenance.databaseCheck', '{"at":1}')`).run();
    expect(maintenance().report().database).toBeNull();
  });
});
