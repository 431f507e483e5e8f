// Shared by the store and audit tests: real SQLite files in a temp folder, removed after each test.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import { openDatabase, type Database } from '../../../main/store/db';
import { migrate } from '../../../main/store/migrate';
import { migrations } from '../../../main/store/migrations/index';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

const dirs: string[] = [];
const children: ChildProcess[] = [];
const opened: Database[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-'));
  dirs.push(dir);
  return dir;
}

/** A new store file in a temp folder, migrated to the latest schema and opened as the app opens it. */
export async function migratedDatabase(): Promise<{ readonly db: Database; readonly file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'pos.sqlite');
  const db = openDatabase(file);
  opened.push(db);
  await migrate(db, { file, backupDir: path.join(dir, 'backups'), now: () => new Date(), migrations });
  return { db, file };
}

/**
 * Changes the journal of `file` as an attacker with file access would: a second connection that drops the
 * append-only triggers, runs `sql`, and closes.
 */
export function tamperJournal(file: string, sql: string, ...params: unknown[]): void {
  const raw = new BetterSqlite3(file);
  try {
    raw.exec('DROP TRIGGER IF EXISTS journal_no_update; DROP TRIGGER IF EXISTS journal_no_delete;');
    raw.prepare(sql).run(...params);
  } finally {
    raw.close();
  }
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The PosFailure `fn` throws (sync or async), or fails the test if it did not throw one. */
export async function failureOf(fn: () => unknown): Promise<PosFailure> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof PosFailure) return e;
    throw e;
  }
  throw new Error('expected a PosFailure, but nothing was thrown');
}

/**
 * Another process holding `file` locked: opens it with better-sqlite3, runs `BEGIN EXCLUSIVE`, and keeps the
 * lock until killed (cleaned up after the test). Resolves once the lock is held.
 */
export function holdExclusiveLock(file: string): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('locked\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script, file], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited (${code}): ${stderr}`)));
  });
}
