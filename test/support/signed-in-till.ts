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
  addStaffOnFile(host.dataDir, staff);
  return host;
}

/**
 * Puts `staff` on file in the store of `dataDir` through a connection of its own, as `npm run staff add`
 * would; someone already on file (a restarted till) is left as is.
 */
export function addStaffOnFile(dataDir: string, staff: readonly NewStaff[] = [CASHIER, SUPERVISOR]): void {
  const db = openDatabase(path.join(dataDir, 'pos.sqlite'));
  try {
    const s = createStaff({
      db,
      config: { trainingMode: false },
      now: () => new Date(),
      newId: randomUUID,
      dataDir,
    });
    const ops = createOperatorRepo(db, { now: () => new Date(), newId: randomUUID });
    for (const p of staff) if (!ops.byCode(p.code)) s.directory.addFromCommandLine(p);
  } finally {
    db.close();
  }
}

/** The float a test shift opens with: 2 x 100 + 2 x 50 + 10 x 1 yuan = 310.00 (under the approval limit). */
export const TEST_FLOAT = { 'note-10000': 2, 'note-5000': 2, 'coin-100': 10 } as const;

/**
 * A live till made ready to sell as a shop makes it: the cashier signs in with their PIN and opens the
 * drawer's shift on a counted float (selling outside training needs both; main/sale/till-gate.ts).
 */
export async function readyToSell(
  host: Pick<Host, 'dispatch'>,
  who: { readonly code: string; readonly pin: string } = CASHIER,
): Promise<void> {
  const signed = await host.dispatch('session.signIn', { operatorCode: who.code, pin: who.pin });
  if (!signed.ok) throw new Error(`sign-in failed: ${signed.error.code} ${signed.error.message}`);
  const current = await host.dispatch('shift.current', {});
  if (current.ok && current.value?.state === 'open') return;
  const opened = await host.dispatch('shift.open', { floatCounts: { ...TEST_FLOAT } });
  if (!opened.ok) throw new Error(`shift.open failed: ${opened.error.code} ${opened.error.message}`);
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
