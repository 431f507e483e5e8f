// `npm run journal -- verify`: a real child process on a real store, so the exit codes are the ones a
// support script sees: 0 intact, 1 broken (the first break on stdout), 2 unusable arguments or store.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { appendJournal } from '../../../main/audit/journal';
import type { Database } from '../../../main/store/db';
import { migratedDatabase, tamperJournal } from '../store/fixtures';

const root = path.resolve(import.meta.dirname, '../../..');
let db: Database;
let file: string;
let dataDir: string;

function journal(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/audit/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeEach(async () => {
  ({ db, file } = await migratedDatabase());
  dataDir = path.dirname(file);
  db.transaction(() => {
    for (let i = 1; i <= 5; i++) {
      const at = `2026-03-04T09:0${i}:00.000Z`;
      const body = { receiptNo: `T01-00012${i}`, totalMinor: 3500 };
      appendJournal(db, { at, kind: 'sale.completed', ref: `sale-${i}`, body });
    }
  })();
});

describe('npm run journal -- verify', () => {
  it('exits 0 on an intact journal and says how many entries, their span and the head', () => {
    const r = journal('verify', '--data', dataDir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^intact: 5 entries, #1 2026-03-04T09:01:00.000Z \.\. #5 2026-03-04T09:05:00.000Z, head [0-9a-f]{64}\n$/,
    );
  });

  it('exits 1 on an altered entry, naming it, its time and what it covered on stdout', () => {
    tamperJournal(
      file,
      `UPDATE journal SET body = '{"receiptNo":"T01-000123","totalMinor":350}' WHERE seq = 3`,
    );
    const r = journal('verify', '--data', dataDir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      'broken at entry 3 (2026-03-04T09:03:00.000Z): sale.completed T01-000123, total 3.50: ' +
        'entry 3 was altered: its hash does not match [hash]\n',
    );
  });

  it('--json prints the report as one object: a gap dated by the entries either side', () => {
    tamperJournal(file, `DELETE FROM journal WHERE seq = 2`);
    const r = journal('verify', '--data', dataDir, '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      seq: 2,
      cause: 'gap',
      reason: 'entry 2 is missing (next is 3)',
      at: null,
      kind: null,
      ref: null,
      covered: null,
      before: { seq: 1, at: '2026-03-04T09:01:00.000Z' },
      after: { seq: 3, at: '2026-03-04T09:03:00.000Z' },
    });
  });

  it('--json on an intact journal: ok, entries, head, first and last', () => {
    const r = journal('verify', '--data', dataDir, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, entries: 5, first: { seq: 1 }, last: { seq: 5 } });
  });

  it('exits 2 with the usage for a missing --data, an unknown command or flag, or a folder with no store', () => {
    const empty = fs.mkdtempSync(path.join(dataDir, 'empty-'));
    for (const args of [
      ['verify'],
      ['check', '--data', dataDir],
      ['verify', '--data', dataDir, '--fast'],
      ['verify', '--data', empty],
    ]) {
      const r = journal(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/usage: npm run journal -- verify --data DIR \[--json\]/);
    }
  });

  it('exits 2 when the store cannot be read as one', () => {
    const bad = fs.mkdtempSync(path.join(dataDir, 'bad-'));
    fs.writeFileSync(path.join(bad, 'pos.sqlite'), 'not a database at all, just text');
    const r = journal('verify', '--data', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^journal: /);
  });
});
