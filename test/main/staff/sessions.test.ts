// Signing in at the till, through the host's session.* channels: a right PIN signs in (and the status bar
// says who), a wrong PIN and an unknown code get the same answer as at the approval prompt and count towards
// the same lock, a badge names the code and the PIN is still asked, signing out and a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { LOCKOUT_STEPS_MS, MAX_FAILED_PINS } from '../../../main/staff/lockout';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import { CASHIER, SUPERVISOR, journal, rows, signInTill, type Till } from '../../support/signed-in-till';
import { cleanup } from '../../support/temp-host';

afterEach(cleanup);

const asCashier = { operatorCode: CASHIER.code, pin: CASHIER.pin };

async function answer(h: Till, channel: 'session.signIn' | 'drawer.open', code: string, pin: string) {
  const r =
    channel === 'session.signIn'
      ? await h.dispatch('session.signIn', { operatorCode: code, pin })
      : await h.dispatch('drawer.open', { reason: 'float', approval: { operatorCode: code, pin } });
  if (r.ok) throw new Error(`${channel} as ${code} succeeded`);
  return { code: r.error.code, message: r.error.message };
}

const status = async (h: Till) => {
  const r = await h.dispatch('status.get', {});
  if (!r.ok) throw new Error('no status');
  return r.value.signedIn;
};

describe('session.signIn', () => {
  it('signs a cashier in with code and PIN: current says who, the status bar shows them, journalled', async () => {
    const h = await signInTill();
    expect(await status(h)).toBeNull();
    expect(await h.dispatch('session.current', {})).toEqual({ ok: true, value: null });
    const r = await h.dispatch('session.signIn', asCashier);
    expect(r).toMatchObject({
      ok: true,
      value: { code: CASHIER.code, name: CASHIER.name, role: 'cashier', method: 'pin' },
    });
    expect(await h.dispatch('session.current', {})).toEqual(r);
    expect(await status(h)).toEqual({ code: CASHIER.code, name: CASHIER.name });
    expect(journal(h.dataDir, 'staff.signed-in')).toMatchObject([{ code: CASHIER.code, method: 'pin' }]);
    expect(rows(h.dataDir, 'SELECT ended_at FROM operator_sessions')).toEqual([{ ended_at: null }]);
  });

  it('a wrong PIN and an unknown code get the approval prompt’s one answer; nobody is signed in', async () => {
    const h = await signInTill();
    const wrong = await answer(h, 'session.signIn', CASHIER.code, '0000');
    const unknown = await answer(h, 'session.signIn', '555', CASHIER.pin);
    const atApproval = await answer(h, 'drawer.open', '555', '0000');
    const expected = { code: 'APPROVAL_DENIED', message: 'Operator code or PIN is wrong' };
    expect([wrong, unknown, atApproval]).toEqual([expected, expected, expected]);
    expect(await status(h)).toBeNull();
    expect(journal(h.dataDir, 'staff.approval-refused').map((b) => [b['permission'], b['reason']])).toEqual([
      ['session.signIn', 'wrong-pin'],
      ['session.signIn', 'unknown-operator'],
      ['drawer.noSale', 'unknown-operator'],
    ]);
  });

  it('shares the lock with approvals: wrong PINs at the approval prompt lock the sign-in, and back', async () => {
    const h = await signInTill();
    for (let i = 1; i < MAX_FAILED_PINS; i++) await answer(h, 'drawer.open', SUPERVISOR.code, '0000');
    // The fifth wrong PIN, typed at the sign-in, locks the code for both.
    expect((await answer(h, 'session.signIn', SUPERVISOR.code, '0000')).code).toBe('APPROVAL_LOCKED');
    expect((await answer(h, 'session.signIn', SUPERVISOR.code, SUPERVISOR.pin)).code).toBe('APPROVAL_LOCKED');
    expect((await answer(h, 'drawer.open', SUPERVISOR.code, SUPERVISOR.pin)).code).toBe('APPROVAL_LOCKED');
    const [op] = rows<{ lockouts: number; locked_until: string }>(
      h.dataDir,
      'SELECT lockouts, locked_until FROM operators WHERE code = ?',
      SUPERVISOR.code,
    );
    expect(op?.lockouts).toBe(1);
    expect(Date.parse(op?.locked_until ?? '') - Date.now()).toBeGreaterThan(
      (LOCKOUT_STEPS_MS[0] ?? 0) - 60_000,
    );
    expect(await status(h)).toBeNull();
  });

  it('a badge names the code and the PIN is still checked; a scan that is no badge is refused', async () => {
    const h = await signInTill();
    const wrong = await h.dispatch('session.signInBadge', { badge: `STAFF:${CASHIER.code}`, pin: '0000' });
    expect(wrong.ok ? null : wrong.error.code).toBe('APPROVAL_DENIED');
    const notBadge = await h.dispatch('session.signInBadge', { badge: '6901234567892', pin: CASHIER.pin });
    expect(notBadge.ok ? null : notBadge.error.code).toBe('BARCODE_MALFORMED');
    const r = await h.dispatch('session.signInBadge', { badge: `STAFF:${CASHIER.code}`, pin: CASHIER.pin });
    expect(r).toMatchObject({ ok: true, value: { code: CASHIER.code, method: 'badge' } });
  });

  it('a second sign-in replaces the first; sign-out leaves nobody; every session row is kept', async () => {
    const h = await signInTill();
    await h.dispatch('session.signIn', asCashier);
    await h.dispatch('session.signIn', { operatorCode: SUPERVISOR.code, pin: SUPERVISOR.pin });
    expect(await status(h)).toEqual({ code: SUPERVISOR.code, name: SUPERVISOR.name });
    expect(await h.dispatch('session.signOut', {})).toEqual({ ok: true, value: null });
    expect(await status(h)).toBeNull();
    expect(await h.dispatch('session.current', {})).toEqual({ ok: true, value: null });
    expect(rows(h.dataDir, 'SELECT ended_by FROM operator_sessions ORDER BY signed_in_at, id')).toEqual([
      { ended_by: 'replaced' },
      { ended_by: 'sign-out' },
    ]);
    expect(journal(h.dataDir, 'staff.signed-in')[1]).toMatchObject({
      code: SUPERVISOR.code,
      replaced: { code: CASHIER.code },
    });
    expect(journal(h.dataDir, 'staff.signed-out')).toMatchObject([
      { code: SUPERVISOR.code, reason: 'sign-out' },
    ]);
  });

  it('training mode’s demo manager may sign in (it has no row, so it has no lock either)', async () => {
    const h = await signInTill({ staff: [] });
    const r = await h.dispatch('session.signIn', {
      operatorCode: TRAINING_MANAGER.code,
      pin: TRAINING_MANAGER.pin,
    });
    expect(r).toMatchObject({ ok: true, value: { operatorId: 'training-manager', role: 'manager' } });
  });
});

describe('disabling an operator', () => {
  it('signs them out at once when they are signed in here (journalled); others stay signed in', async () => {
    const h = await signInTill();
    const manager = { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin };
    const id = (code: string) =>
      rows<{ id: string }>(h.dataDir, 'SELECT id FROM operators WHERE code = ?', code)[0]?.id ?? '';
    await h.dispatch('session.signIn', asCashier);
    await h.dispatch('staff.setActive', {
      operatorId: id(SUPERVISOR.code),
      active: false,
      approval: manager,
    });
    expect(await status(h)).toEqual({ code: CASHIER.code, name: CASHIER.name });
    await h.dispatch('staff.setActive', { operatorId: id(CASHIER.code), active: false, approval: manager });
    expect(await status(h)).toBeNull();
    expect(rows(h.dataDir, 'SELECT ended_by FROM operator_sessions')).toEqual([{ ended_by: 'disabled' }]);
    expect(journal(h.dataDir, 'staff.signed-out')).toMatchObject([
      { code: CASHIER.code, reason: 'disabled' },
    ]);
  });
});

describe('a restart', () => {
  it('keeps the cashier signed in', async () => {
    const first = await signInTill();
    await first.dispatch('session.signIn', asCashier);
    await first.close();
    const again = await signInTill({ dataDir: first.dataDir });
    expect(await again.dispatch('session.current', {})).toMatchObject({
      ok: true,
      value: { code: CASHIER.code },
    });
    expect(await status(again)).toEqual({ code: CASHIER.code, name: CASHIER.name });
  });

  it('ends the session of an operator disabled meanwhile (journalled)', async () => {
    const first = await signInTill();
    await first.dispatch('session.signIn', asCashier);
    const [cashier] = rows<{ id: string }>(
      first.dataDir,
      'SELECT id FROM operators WHERE code = ?',
      CASHIER.code,
    );
    const r = await first.dispatch('staff.setActive', {
      operatorId: cashier?.id ?? '',
      active: false,
      approval: { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin },
    });
    expect(r.ok).toBe(true);
    await first.close();
    const again = await signInTill({ dataDir: first.dataDir });
    expect(await again.dispatch('session.current', {})).toEqual({ ok: true, value: null });
    expect(rows(again.dataDir, 'SELECT ended_by FROM operator_sessions')).toEqual([{ ended_by: 'disabled' }]);
    expect(journal(again.dataDir, 'staff.signed-out')).toMatchObject([{ reason: 'disabled' }]);
  });
});
