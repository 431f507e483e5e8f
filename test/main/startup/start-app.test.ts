import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { startupFailureOf } from '../../../main/startup/start-app';
import { NEW_DATABASE_PAGE_SIZE, openDatabase } from '../../../main/store/db';
import { tempDir } from '../store/fixtures';

it('a damaged page first met while the host is built is STORAGE_CORRUPT naming the store, not INTERNAL', () => {
  const dataDir = tempDir();
  const file = path.join(dataDir, 'pos.sqlite');
  const db = openDatabase(file);
  db.exec('CREATE TABLE t (x BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO t VALUES (randomblob(600))');
  db.transaction(() => {
    for (let i = 0; i < 200; i++) insert.run();
  })();
  db.close();
  const pages = fs.statSync(file).size / NEW_DATABASE_PAGE_SIZE;
  const fd = fs.openSync(file, 'r+');
  const page = Buffer.alloc(NEW_DATABASE_PAGE_SIZE, 0xa5);
  fs.writeSync(fd, page, 0, page.length, (pages - 1) * NEW_DATABASE_PAGE_SIZE);
  fs.closeSync(fd);
  const reopened = openDatabase(file); // open does not read that page
  let thrown: unknown;
  try {
    reopened.prepare('SELECT count(*) FROM t').get();
  } catch (e) {
    thrown = e;
  } finally {
    reopened.close();
  }
  expect(startupFailureOf(thrown, dataDir)).toEqual({
    code: 'STORAGE_CORRUPT',
    message: 'the database file is damaged',
    file,
  });
  expect(startupFailureOf(new Error('boom'), dataDir)).toEqual({
    code: 'INTERNAL',
    message: 'boom',
    file: null,
  });
});
