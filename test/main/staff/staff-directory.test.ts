// The staff screen's changes: each approved (an owner's when an owner is involved), journalled with who did
// what, PIN policy applied before anyone's PIN is asked for, the shop never left without a manager, and the
// list never carrying a PIN or a hash.
import { describe, expect, it } from 'vitest';
import { MAX_FAILED_PINS } from '../../../main/staff/lockout';
import { failureOf } from '../store/fixtures';
import { staffStore, type StaffStore } from '../../support/staff-store';

const OWNER = { code: '1', name: '老板', role: 'owner', pin: '730295' } as const;
const MGR = { code: '01', name: '王店长', role: 'manager', pin: '482157' } as const;
const asOwner = { operatorCode: '1', pin: OWNER.pin };
const asMgr = { operatorCode: '01', pin: MGR.pin };

async function shop(): Promise<StaffStore> {
  const s = await staffStore();
  s.add(OWNER, MGR);
  return s;
}
const idOf = (s: StaffStore, code: string): string => s.ops.byCode(code)?.id ?? '';

describe('staff directory', () => {
  it('a manager adds a cashier; the list shows them without PIN or hash; the journal names who added', async () => {
    const s = await shop();
    const list = s.directory.add({ code: '100', name: ' 收银员 ', role: 'cashier', pin: '5829' }, asMgr);
    expect(list.operators.find((o) => o.code === '100')).toEqual({
      operatorId: idOf(s, '100'),
      code: '100',
      name: '收银员',
      role: 'cashier',
      active: true,
      failedAttempts: 0,
      lockedUntil: null,
      lockouts: 0,
    });
    expect(JSON.stringify(list)).not.toMatch(/5829|pin2|pinHash/);
    expect(s.journal('staff.operator-added').at(-1)).toMatchObject({
      code: '100',
      role: 'cashier',
      approvedBy: { code: '01', name: '王店长' },
    });
    expect(s.approvals.approve('drawer.noSale', asMgr).code).toBe('01');
  });

  it('refuses a trivial or short PIN before asking for the approver’s PIN', async () => {
    const s = await shop();
    const wrongApprover = { operatorCode: '01', pin: '999999' };
    for (const [pin, role, reason] of [
      ['1234', 'cashier', 'sequence'],
      ['5829', 'manager', 'too-short'],
      ['000000', 'owner', 'same-digit'],
    ] as const) {
      const f = await failureOf(() => s.directory.add({ code: '200', name: 'X', role, pin }, wrongApprover));
      expect(f).toMatchObject({ code: 'PIN_REFUSED', detail: { reason } });
    }
    expect(s.ops.byCode('01')?.failedAttempts).toBe(0);
    expect(s.ops.byCode('200')).toBeNull();
  });

  it('only an owner adds, changes or re-PINs an owner, or makes someone one', async () => {
    const s = await shop();
    const owner2 = { code: '2', name: 'Partner', role: 'owner', pin: '918273' } as const;
    expect((await failureOf(() => s.directory.add(owner2, asMgr))).code).toBe('APPROVAL_DENIED');
    expect((await failureOf(() => s.directory.setPin(idOf(s, '1'), '112358', asMgr))).code).toBe(
      'APPROVAL_DENIED',
    );
    expect((await failureOf(() => s.directory.setRole(idOf(s, '01'), 'owner', '918273', asMgr))).code).toBe(
      'APPROVAL_DENIED',
    );
    s.directory.add(owner2, asOwner);
    s.directory.setRole(idOf(s, '01'), 'owner', '918274', asOwner);
    expect(s.ops.byCode('01')?.role).toBe('owner');
    expect(s.journal('staff.role-changed').at(-1)).toMatchObject({
      from: 'manager',
      to: 'owner',
      newPin: true,
      approvedBy: { code: '1' },
    });
  });

  it('disables and enables; a disabled operator cannot approve; the last active manager or owner stays', async () => {
    const s = await shop();
    s.directory.setActive(idOf(s, '01'), false, asOwner);
    expect((await failureOf(() => s.approvals.approve('drawer.noSale', asMgr))).code).toBe('APPROVAL_DENIED');
    const last = await failureOf(() => s.directory.setActive(idOf(s, '1'), false, asOwner));
    expect(last).toMatchObject({ code: 'STAFF_CONFLICT', detail: { reason: 'last-manager' } });
    const demote = await failureOf(() => s.directory.setRole(idOf(s, '1'), 'cashier', undefined, asOwner));
    expect(demote).toMatchObject({ code: 'STAFF_CONFLICT', detail: { reason: 'last-manager' } });
    s.directory.setActive(idOf(s, '01'), true, asOwner);
    expect(s.approvals.approve('drawer.noSale', asMgr).code).toBe('01');
    expect(s.journal('staff.operator-disabled')).toHaveLength(1);
    expect(s.journal('staff.operator-enabled')).toHaveLength(1);
  });

  it('promoting to manager needs a new 6+ digit PIN; the new PIN works and the old one does not', async () => {
    const s = await shop();
    s.directory.add({ code: '100', name: 'C', role: 'cashier', pin: '5829' }, asMgr);
    const f = await failureOf(() => s.directory.setRole(idOf(s, '100'), 'manager', undefined, asMgr));
    expect(f).toMatchObject({ code: 'PIN_REFUSED', detail: { minLength: 6 } });
    s.directory.setRole(idOf(s, '100'), 'manager', '640281', asMgr);
    expect(s.approvals.approve('refund.issue', { operatorCode: '100', pin: '640281' }).role).toBe('manager');
    expect(
      (await failureOf(() => s.approvals.approve('refund.issue', { operatorCode: '100', pin: '5829' }))).code,
    ).toBe('APPROVAL_DENIED');
  });

  it('shows a lock to managers and a manager clears it (journalled); a new PIN clears it too', async () => {
    const s = await shop();
    for (let i = 0; i < MAX_FAILED_PINS; i++) {
      await failureOf(() => s.approvals.approve('drawer.noSale', { operatorCode: '01', pin: '999999' }));
    }
    const shown = s.directory.list(asOwner).operators.find((o) => o.code === '01');
    expect(shown).toMatchObject({
      failedAttempts: 5,
      lockouts: 1,
      lockedUntil: expect.any(String) as unknown,
    });
    const cleared = s.directory.clearLock(idOf(s, '01'), asOwner).operators.find((o) => o.code === '01');
    expect(cleared).toMatchObject({ failedAttempts: 0, lockouts: 0, lockedUntil: null });
    expect(s.journal('staff.lock-cleared')).toEqual([
      expect.objectContaining({
        code: '01',
        was: expect.objectContaining({ failedAttempts: 5, lockouts: 1 }) as unknown,
      }),
    ]);
    expect(s.approvals.approve('drawer.noSale', asMgr).code).toBe('01');
  });

  it('a taken code is a conflict (after the approval); the list needs a manager', async () => {
    const s = await shop();
    const f = await failureOf(() =>
      s.directory.add({ code: '01', name: 'X', role: 'cashier', pin: '5829' }, asMgr),
    );
    expect(f).toMatchObject({ code: 'STAFF_CONFLICT', detail: { reason: 'code-taken' } });
    s.directory.add({ code: '100', name: 'C', role: 'cashier', pin: '5829' }, asMgr);
    expect((await failureOf(() => s.directory.list({ operatorCode: '100', pin: '5829' }))).code).toBe(
      'APPROVAL_DENIED',
    );
  });

  it('set-up adds the first manager without approval, once', async () => {
    const s = await staffStore();
    s.directory.addFirstManager(MGR);
    expect(s.journal('staff.operator-added')).toEqual([
      expect.objectContaining({ code: '01', via: 'setup', approvedBy: null }),
    ]);
    const again = await failureOf(() => s.directory.addFirstManager(OWNER));
    expect(again).toMatchObject({ code: 'STAFF_CONFLICT', detail: { reason: 'has-manager' } });
  });
});
