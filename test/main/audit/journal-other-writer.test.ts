// A sale commit that appended to the journal and then rolled back (disk full), followed by another connection
// appending (the staff CLI adding an operator while the till runs): the next append chains from the real head.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendJournal, verifyJournal, type JournalInput } from '../../../main/audit/journal';
import { openDatabase, type Database } from '../../../main/store/db';
import { migrate } from '../../../main/store/migrate';
import { migrations } from '../../../main/store/migrations/index';
import { tempDir } from '../store/fixtures';

let file: string;
let db: Database;

beforeEach(async () => {
  const dir = tempDir();
  file = path.join(dir, 'pos.sqlite');
  db = openDatabase(file);
  await migrate(db, { file, backupDir: path.join(dir, 'backups'), now: () => new Date(), migrations });
});

afterEach(() => {
  if (db.open) db.close();
});

const entry = (n: number): JournalInput => ({
  at: `2025-01-02T03:04:0${n}.000Z`,
  kind: 'sale.completed',
  ref: `sale-${n}`,
  body: { n },
});

describe('appendJournal after a rolled-back append and another writer', () => {
  it('keeps an intact chain when a rolled-back append is followed by another connection appending (staff CLI)', () => {
    for (let i = 1; i <= 2; i++) db.transaction(() => appendJournal(db, entry(i)))();
    // The app's sale commit appends entry 3, then fails (e.g. disk full at the outbox insert) and rolls back.
    expect(() =>
      db.transaction(() => {
        appendJournal(db, entry(3));
        throw new Error('the sale commit failed');
      })(),
    ).toThrow('the sale commit failed');
    // The staff CLI (another process/connection) adds an operator: a legitimate entry 3.
    const other = openDatabase(file);
    try {
      other.transaction(() => appendJournal(other, entry(4)))();
    } finally {
      other.close();
    }
    // The app's next sale.
    db.transaction(() => appendJournal(db, entry(5)))();
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 4 });
  });
});
