// A training till (the demo catalog and demo manager 900/1234) with staff on file, for the sign-in suites:
// operators are added through a second connection, as `npm run staff add` would, while the till runs.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Host } from '../../main/host-types';
import { createOperatorRepo } from '../../main/staff/operator-repo';
import { createStaff } from '../../main/staff/staff-runtime';
import type { NewStaff } from '../../main/staff/staff-directory';
import { openDatabase } from '../../main/store/db';
import { startHost, type TestHostOptions } from './temp-host';

export const CASHIER = { code: '100', name: '李收银', role: 'cashier', pin: '5829' } as const;
export const SUPERVISOR = { code: '300', name: '张主管', role: 'supervisor', pin: '7302' } as const;

export type Till = Host & { readonly dataDir: string };

export async function signInTill(o: TestHostOptions & { staff?: readonly NewStaff[] } = {}): Promise<Till> {
  const { staff = [CASHIER, SUPERVISOR], ...options } = o;
  const host = await startHost({ trainingMode: true, ...options });
  const db = openDatabase(path.join(host.dataDir, 'pos.sqlite'));
  try {
    const s = createStaff({
      db,
      config: { trainingMode: false },
      now: () => new Date(),
      newId: randomUUID,
      dataDir: host.dataDir,
    });
    const ops = createOperatorRepo(db, { now: () => new Date(), newId: randomUUID });
    // a restarted till (same dataDir) has them already
    for (const p of staff) if (!ops.byCode(p.code)) s.directory.addFromCommandLine(p);
  } finally {
    db.close();
  }
  return host;
}

/** Rows of the till's store, read on a connection of their own. */
export function rows<T>(dataDir: string, sql: string, ...args: unknown[]): T[] {
  const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

/** The bodies of the journal entries of one kind, oldest first. */
export const journal = (dataDir: string, kind: string): Record<string, unknown>[] =>
  rows<{ body: string }>(dataDir, 'SELECT body FROM journal WHERE kind = ? ORDER BY seq', kind).map(
    (r) => JSON.parse(r.body) as Record<string, unknown>,
  );
