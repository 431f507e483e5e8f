// Manager approvals on a real store: who may approve what, the lockout after wrong PINs (and its expiry), the
// journal record of every refusal, and training mode's demo manager existing only while training is on.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../main/audit/journal';
import { createApprovals, LOCKOUT_MS, MAX_FAILED_PINS, type Approvals } from '../../../main/staff/approvals';
import { createOperatorRepo, type OperatorRepo } from '../../../main/staff/operator-repo';
import { TRAINING_MANAGER, trainingManager } from '../../../main/staff/training-staff';
import { openDatabase, type Database } from '../../../main/store/db';
import { migrate } from '../../../main/store/migrate';
import { migrations } from '../../../main/store/migrations/index';
import { failureOf, tempDir } from '../store/fixtures';

let db: Database;
let ops: OperatorRepo;
let clock: number;
const now = (): Date => new Date(clock);

beforeEach(async () => {
  const dir = tempDir();
  const file = path.join(dir, 'pos.sqlite');
  db = openDatabase(file);
  await migrate(db, { file, backupDir: path.join(dir, 'b'), now: () => new Date(), migrations });
  clock = Date.parse('2026-03-01T09:00:00Z');
  ops = createOperatorRepo(db, { now, newId: randomUUID });
  ops.add({ code: '01', name: '王店长', role: 'manager', pin: '4821' });
  ops.add({ code: '02', name: '李收银', role: 'cashier', pin: '1111' });
  return () => db.close();
});

const approvals = (training = false): Approvals =>
  createApprovals({ db, operators: ops, now, ...(training ? { training: trainingManager } : {}) });

const journal = (kind: string): { ref: string | null; body: string }[] =>
  db.prepare('SELECT ref, body FROM journal WHERE kind = ? ORDER BY seq').all(kind) as {
    ref: string | null;
    body: string;
  }[];

describe('manager approvals', () => {
  it('a manager approves both permissions; the approver names who it was', () => {
    const a = approvals();
    expect(a.approve('drawer.noSale', { operatorCode: '01', pin: '4821' })).toMatchObject({
      code: '01',
      name: '王店长',
      role: 'manager',
      permission: 'drawer.noSale',
    });
    expect(a.approve('receipt.reprintAny', { operatorCode: '01', pin: '4821' }).permission).toBe(
      'receipt.reprintAny',
    );
  });

  it('a cashier with the right PIN is not permitted, and that is journalled', async () => {
    const f = await failureOf(() =>
      approvals().approve('drawer.noSale', { operatorCode: '02', pin: '1111' }),
    );
    expect(f).toMatchObject({ code: 'APPROVAL_DENIED', detail: { notPermitted: true } });
    expect(journal('staff.approval-refused').map((r) => JSON.parse(r.body) as unknown)).toEqual([
      { operatorCode: '02', permission: 'drawer.noSale', reason: 'not-permitted' },
    ]);
  });

  it('an unknown code gets the same answer as a wrong PIN', async () => {
    const a = approvals();
    const unknown = await failureOf(() => a.approve('drawer.noSale', { operatorCode: '77', pin: '4821' }));
    const wrong = await failureOf(() => a.approve('drawer.noSale', { operatorCode: '01', pin: '0000' }));
    expect(unknown.code).toBe('APPROVAL_DENIED');
    expect(wrong.code).toBe('APPROVAL_DENIED');
    expect(unknown.message).toBe(wrong.message);
  });

  it(`locks an operator after ${MAX_FAILED_PINS} wrong PINs, even against the right PIN, until the lock runs out`, async () => {
    const a = approvals();
    for (let i = 1; i < MAX_FAILED_PINS; i++) {
      const f = await failureOf(() => a.approve('drawer.noSale', { operatorCode: '01', pin: '9999' }));
      expect(f).toMatchObject({ code: 'APPROVAL_DENIED', detail: { attemptsLeft: MAX_FAILED_PINS - i } });
    }
    const locked = await failureOf(() => a.approve('drawer.noSale', { operatorCode: '01', pin: '9999' }));
    expect(locked.code).toBe('APPROVAL_LOCKED');
    const until = new Date(clock + LOCKOUT_MS).toISOString();
    expect(locked.detail).toMatchObject({ lockedUntil: until });

    clock += LOCKOUT_MS - 1000;
    const still = await failureOf(() => a.approve('drawer.noSale', { operatorCode: '01', pin: '4821' }));
    expect(still.code).toBe('APPROVAL_LOCKED');
    // Another operator is not affected.
    expect(ops.byCode('02')?.lockedUntil).toBeNull();

    clock += 2000;
    expect(a.approve('drawer.noSale', { operatorCode: '01', pin: '4821' }).code).toBe('01');
    expect(ops.byCode('01')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    const reasons = journal('staff.approval-refused').map(
      (r) => (JSON.parse(r.body) as { reason: string }).reason,
    );
    expect(reasons).toEqual([...Array<string>(MAX_FAILED_PINS).fill('wrong-pin'), 'locked']);
    expect(verifyJournal(db).ok).toBe(true);
  });

  it('a right PIN resets the count of wrong ones', async () => {
    const a = approvals();
    for (let i = 0; i < MAX_FAILED_PINS - 1; i++) {
      await failureOf(() => a.approve('drawer.noSale', { operatorCode: '01', pin: '9999' }));
    }
    a.approve('drawer.noSale', { operatorCode: '01', pin: '4821' });
    const f = await failureOf(() => a.approve('drawer.noSale', { operatorCode: '01', pin: '9999' }));
    expect(f.detail).toMatchObject({ attemptsLeft: MAX_FAILED_PINS - 1 });
  });

  it('the lock survives a restart (it is on file, not in memory)', async () => {
    for (let i = 0; i < MAX_FAILED_PINS; i++) {
      await failureOf(() => approvals().approve('drawer.noSale', { operatorCode: '01', pin: '9999' }));
    }
    const fresh = createApprovals({ db, operators: createOperatorRepo(db, { now, newId: randomUUID }), now });
    const f = await failureOf(() => fresh.approve('drawer.noSale', { operatorCode: '01', pin: '4821' }));
    expect(f.code).toBe('APPROVAL_LOCKED');
  });

  it('the training manager approves only in training mode, and never lands in the operators table', async () => {
    const input = { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin };
    expect(approvals(true).approve('drawer.noSale', input).name).toBe(TRAINING_MANAGER.name);
    expect((await failureOf(() => approvals(false).approve('drawer.noSale', input))).code).toBe(
      'APPROVAL_DENIED',
    );
    expect(ops.byCode(TRAINING_MANAGER.code)).toBeNull();
    // Real operators still approve while training is on.
    expect(approvals(true).approve('drawer.noSale', { operatorCode: '01', pin: '4821' }).code).toBe('01');
  });

  it('never writes a PIN into the journal or the operators table', () => {
    const a = approvals();
    void failureOf(() => a.approve('drawer.noSale', { operatorCode: '01', pin: '7373' }));
    const texts = [
      ...(db.prepare('SELECT body FROM journal').all() as { body: string }[]).map((r) => r.body),
      ...(db.prepare('SELECT pin_hash FROM operators').all() as { pin_hash: string }[]).map(
        (r) => r.pin_hash,
      ),
    ].join('\n');
    for (const pin of ['4821', '1111', '7373']) expect(texts).not.toContain(pin);
  });
});

describe('operators on file', () => {
  it('refuses a taken code, a bad code, a bad PIN and an empty name, adding nothing', async () => {
    for (const bad of [
      { code: '01', name: 'x', role: 'manager', pin: '1234' },
      { code: '1234567', name: 'x', role: 'manager', pin: '1234' },
      { code: 'ab', name: 'x', role: 'manager', pin: '1234' },
      { code: '05', name: 'x', role: 'manager', pin: '12' },
      { code: '05', name: '  ', role: 'manager', pin: '1234' },
      { code: '05', name: 'x', role: 'owner', pin: '1234' },
    ] as const) {
      expect((await failureOf(() => ops.add(bad as never))).code).toBe('INVALID_PAYLOAD');
    }
    expect(ops.list().map((o) => o.code)).toEqual(['01', '02']);
    expect(journal('staff.operator-added')).toHaveLength(2);
  });
});
