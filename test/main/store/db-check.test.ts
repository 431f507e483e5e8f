// The whole-database checks that no longer run at open: quick_check and integrity_check as worker jobs, on
// their own read-only connection. What open cannot see any more, they find.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NEW_DATABASE_PAGE_SIZE, openDatabase } from '../../../main/store/db';
import { runJob } from '../../../main/workers/run-job';
import { sha256File, tempDir } from './fixtures';

const PAGE = NEW_DATABASE_PAGE_SIZE;

function makeDatabase(): string {
  const file = path.join(tempDir(), 'pos.sqlite');
  const db = openDatabase(file);
  db.exec('CREATE TABLE t (x BLOB NOT NULL, y INTEGER NOT NULL); CREATE INDEX t_y ON t (y)');
  const insert = db.prepare('INSERT INTO t VALUES (randomblob(600), ?)');
  db.transaction(() => {
    for (let i = 0; i < 200; i++) insert.run(i);
  })();
  db.close();
  return file;
}

describe('store.check (worker job)', () => {
  it('a sound database passes both checks, and the file is not written', async () => {
    const file = makeDatabase();
    const before = sha256File(file);
    expect(await runJob('store.check', { file, mode: 'quick' })).toMatchObject({
      mode: 'quick',
      ok: true,
      problems: [],
    });
    expect(await runJob('store.check', { file, mode: 'integrity' })).toMatchObject({ ok: true });
    expect(sha256File(file)).toBe(before);
  });

  it('finds the damaged page that open no longer reads', async () => {
    const file = makeDatabase();
    const db = openDatabase(file, { readonly: true });
    const leaf = (
      db.prepare(`SELECT max(pageno) AS p FROM dbstat WHERE name = 't' AND pagetype = 'leaf'`).get() as {
        p: number;
      }
    ).p;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(PAGE, 0xa5), 0, PAGE, (leaf - 1) * PAGE);
    fs.closeSync(fd);
    openDatabase(file).close(); // open is cheap and does not see it
    for (const mode of ['quick', 'integrity'] as const) {
      const result = await runJob('store.check', { file, mode });
      expect(result.ok, mode).toBe(false);
      expect(result.problems.join(' '), mode).toMatch(/malformed|corrupt|page/i);
    }
  });

  it('integrity_check also finds an index that no longer matches its table (quick_check does not)', async () => {
    const file = makeDatabase();
    // The index's definition rewritten under it: its entries are now wrong for what it claims to index.
    const raw = new BetterSqlite3(file);
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw.prepare(`UPDATE sqlite_schema SET sql = 'CREATE INDEX t_y ON t (-y)' WHERE name = 't_y'`).run();
    raw.close();
    expect(await runJob('store.check', { file, mode: 'quick' })).toMatchObject({ ok: true });
    const full = await runJob('store.check', { file, mode: 'integrity' });
    expect(full.ok).toBe(false);
    expect(full.problems.join(' ')).toMatch(/t_y/);
  });

  it('a file that is not a database at all is a failed check, not a crash', async () => {
    const file = path.join(tempDir(), 'pos.sqlite');
    fs.writeFileSync(file, Buffer.alloc(4 * PAGE, 0x41));
    const result = await runJob('store.check', { file, mode: 'quick' });
    expect(result).toMatchObject({ ok: false, problems: ['the file is not a SQLite database'] });
  });
});
