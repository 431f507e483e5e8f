// Manager approvals on a real store: who may approve what; that an unknown code, a wrong PIN and a right PIN
// of someone not permitted are indistinguishable (same answer, same KDF work, same lock); escalating locks and
// their expiry; the journal record of every refusal (with the truth); hashes of the first scheme rewritten at
// the next good PIN; training mode's demo manager existing only while training is on.
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../main/audit/journal';
import { LOCKOUT_STEPS_MS, MAX_FAILED_PINS } from '../../../main/staff/lockout';
import { legacyHash, PIN_KDF } from '../../../main/staff/pin-hash';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import { failureOf } from '../store/fixtures';
import { staffStore, type StaffStore } from '../../support/staff-store';

const MGR = { code: '01', name: '王店长', role: 'manager', pin: '482157' } as const;
const CASHIER = { code: '02', name: '李收银', role: 'cashier', pin: '5829' } as const;
const SUPERVISOR = { code: '03', name: '张主管', role: 'supervisor', pin: '7302' } as const;

async function shop(o: Parameters<typeof staffStore>[0] = {}): Promise<StaffStore> {
  const s = await staffStore(o);
  s.add(MGR, CASHIER, SUPERVISOR);
  return s;
}

const tryAs = (s: StaffStore, operatorCode: string, pin: string, permission = 'drawer.noSale' as const) =>
  failureOf(() => s.approvals.approve(permission, { operatorCode, pin }));

describe('manager approvals', () => {
  it('a manager approves; the approver names who it was; a supervisor approves only their own permissions', async () => {
    const s = await shop();
    expect(s.approvals.approve('refund.issue', { operatorCode: '01', pin: MGR.pin })).toMatchObject({
      code: '01',
      name: '王店长',
      role: 'manager',
      permission: 'refund.issue',
    });
    expect(s.approvals.approve('discount.overLimit', { operatorCode: '03', pin: SUPERVISOR.pin }).role).toBe(
      'supervisor',
    );
    expect((await tryAs(s, '03', SUPERVISOR.pin, 'refund.issue' as never)).code).toBe('APPROVAL_DENIED');
  });

  it('unknown code, disabled operator, wrong PIN and a cashier’s right PIN get the same answer; the journal knows which', async () => {
    const s = await shop();
    const admin = { operatorCode: '01', pin: MGR.pin };
    s.add({ code: '04', name: 'Gone', role: 'manager', pin: '730295' });
    s.directory.setActive(s.ops.byCode('04')?.id ?? '', false, admin);
    const answers = [
      await tryAs(s, '77', MGR.pin),
      await tryAs(s, '04', '730295'),
      await tryAs(s, '01', '000000'),
      await tryAs(s, '02', CASHIER.pin),
    ];
    for (const a of answers) {
      expect({ code: a.code, message: a.message, detail: a.detail }).toEqual({
        code: 'APPROVAL_DENIED',
        message: 'Operator code or PIN is wrong',
        detail: { permission: 'drawer.noSale' },
      });
    }
    expect(s.journal('staff.approval-refused').map((b) => b['reason'])).toEqual([
      'unknown-operator',
      'inactive-operator',
      'wrong-pin',
      'not-permitted',
    ]);
  });

  it('every path runs exactly one KDF: unknown, wrong, not permitted, locked, right', async () => {
    const s = await shop();
    const cost = (f: () => unknown): number => {
      const before = s.kdfCalls();
      try {
        f();
      } catch {
        /* refusals are the point */
      }
      return s.kdfCalls() - before;
    };
    const approve = (code: string, pin: string) => () =>
      s.approvals.approve('drawer.noSale', { operatorCode: code, pin });
    expect(cost(approve('77', '123456'))).toBe(1);
    expect(cost(approve('01', '000000'))).toBe(1);
    expect(cost(approve('02', CASHIER.pin))).toBe(1);
    for (let i = 0; i < MAX_FAILED_PINS; i++) cost(approve('01', '999999'));
    expect(s.ops.byCode('01')?.lockedUntil).not.toBeNull();
    expect(cost(approve('01', MGR.pin))).toBe(1);
    s.clock += LOCKOUT_STEPS_MS[0] ?? 0;
    expect(cost(approve('01', MGR.pin))).toBe(1);
  });

  it('an unknown code costs the same time as a known one with the real KDF (medians within 1.5x)', async () => {
    const s = await shop({ cost: PIN_KDF });
    const timed = (code: string, pin: string): number => {
      const t = process.hrtime.bigint();
      try {
        s.approvals.approve('drawer.noSale', { operatorCode: code, pin });
      } catch {
        /* refused */
      }
      return Number(process.hrtime.bigint() - t);
    };
    // Interleaved, so a burst of load on this shared machine falls on both sides alike.
    // '02' is a cashier: a right PIN, not permitted (and locked after five, which costs the same KDF).
    const unknownTimes: number[] = [];
    const knownTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      unknownTimes.push(timed('77', '482157'));
      knownTimes.push(timed('02', CASHIER.pin));
    }
    const median = (xs: number[]): number => xs.sort((a, b) => a - b)[4] ?? 0;
    const unknown = median(unknownTimes);
    const known = median(knownTimes);
    expect(unknown / known).toBeLessThan(1.5);
    expect(known / unknown).toBeLessThan(1.5);
  }, 60_000);

  it(`locks after ${MAX_FAILED_PINS} wrong PINs for 5 min, then 15 min, then 1 h, then 4 h; a right PIN starts over`, async () => {
    const s = await shop();
    expect(LOCKOUT_STEPS_MS.slice(0, 4)).toEqual([5, 15, 60, 240].map((m) => m * 60_000));
    for (const step of LOCKOUT_STEPS_MS.slice(0, 4)) {
      for (let i = 1; i < MAX_FAILED_PINS; i++)
        expect((await tryAs(s, '01', '999999')).code).toBe('APPROVAL_DENIED');
      const locked = await tryAs(s, '01', '999999');
      expect(locked).toMatchObject({
        code: 'APPROVAL_LOCKED',
        detail: { lockedUntil: new Date(s.clock + step).toISOString() },
      });
      s.clock += step - 1000;
      expect((await tryAs(s, '01', MGR.pin)).code).toBe('APPROVAL_LOCKED');
      s.clock += 2000;
    }
    expect(s.ops.byCode('01')?.lockouts).toBe(4);
    expect(s.ops.byCode('02')?.lockedUntil).toBeNull();
    expect(s.approvals.approve('drawer.noSale', { operatorCode: '01', pin: MGR.pin }).code).toBe('01');
    expect(s.ops.byCode('01')).toMatchObject({ failedAttempts: 0, lockedUntil: null, lockouts: 0 });
    expect(verifyJournal(s.db).ok).toBe(true);
  });

  it('an unknown code locks like a known one, so a lock does not reveal that a code exists', async () => {
    const s = await shop();
    const unknown: string[] = [];
    const known: string[] = [];
    for (let i = 0; i < MAX_FAILED_PINS + 1; i++) {
      unknown.push((await tryAs(s, '77', '999999')).code);
      known.push((await tryAs(s, '01', '999999')).code);
    }
    expect(unknown).toEqual(known);
    expect(known.slice(-2)).toEqual(['APPROVAL_LOCKED', 'APPROVAL_LOCKED']);
  });

  it('the lock survives a restart (it is on file, not in memory)', async () => {
    const s = await shop();
    for (let i = 0; i < MAX_FAILED_PINS; i++) await tryAs(s, '01', '999999');
    const again = await staffStore({ dataDir: s.dataDir });
    expect((await tryAs(again, '01', MGR.pin)).code).toBe('APPROVAL_LOCKED');
  });

  it('a hash of the first scheme (unpeppered) still approves once, and is rewritten peppered', async () => {
    const s = await shop();
    const id = s.ops.byCode('01')?.id ?? '';
    s.ops.setPinHash(id, legacyHash(MGR.pin));
    expect(s.approvals.approve('drawer.noSale', { operatorCode: '01', pin: MGR.pin }).code).toBe('01');
    expect(s.ops.byCode('01')?.pinHash).toMatch(/^pin2\$/);
    expect(s.approvals.approve('drawer.noSale', { operatorCode: '01', pin: MGR.pin }).code).toBe('01');
  });

  it('the training manager approves only in training mode, and never lands in the operators table', async () => {
    const input = { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin };
    const training = await shop({ training: true });
    expect(training.approvals.approve('drawer.noSale', input).name).toBe(TRAINING_MANAGER.name);
    expect(training.ops.byCode(TRAINING_MANAGER.code)).toBeNull();
    expect(training.approvals.approve('drawer.noSale', { operatorCode: '01', pin: MGR.pin }).code).toBe('01');
    const live = await shop();
    expect((await tryAs(live, input.operatorCode, input.pin)).code).toBe('APPROVAL_DENIED');
  });

  it('never writes a PIN into the journal or the operators table', async () => {
    const s = await shop();
    await tryAs(s, '01', '737373');
    const texts = [
      ...(s.db.prepare('SELECT body FROM journal').all() as { body: string }[]).map((r) => r.body),
      ...(s.db.prepare('SELECT pin_hash FROM operators').all() as { pin_hash: string }[]).map(
        (r) => r.pin_hash,
      ),
    ].join('\n');
    for (const pin of [MGR.pin, CASHIER.pin, '737373']) expect(texts).not.toContain(pin);
  });
});
