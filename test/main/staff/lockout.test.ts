// The lock arithmetic: five wrong PINs lock; each lock since the last good PIN lasts longer; a lock that ran
// out starts a fresh count.
import { describe, expect, it } from 'vitest';
import { afterFailure, CLEAR_LOCK, isLocked, lockoutMs, type LockState } from '../../../main/staff/lockout';

const T0 = new Date('2026-03-01T09:00:00Z');
const MIN = 60_000;

describe('lockout', () => {
  it('5 min, 15 min, 1 h, 4 h, then 24 h', () => {
    expect([0, 1, 2, 3, 4, 9].map(lockoutMs)).toEqual([5, 15, 60, 240, 1440, 1440].map((m) => m * MIN));
  });

  it('locks at the fifth failure, counts the lock, and a run-out lock starts a fresh count', () => {
    let s: LockState = CLEAR_LOCK;
    for (let i = 1; i <= 4; i++) s = afterFailure(s, T0);
    expect(s).toEqual({ failedAttempts: 4, lockedUntil: null, lockouts: 0 });
    s = afterFailure(s, T0);
    expect(s).toEqual({
      failedAttempts: 5,
      lockedUntil: new Date(T0.getTime() + 5 * MIN).toISOString(),
      lockouts: 1,
    });
    expect(isLocked(s, new Date(T0.getTime() + 5 * MIN - 1))).toBe(true);
    const later = new Date(T0.getTime() + 5 * MIN);
    expect(isLocked(s, later)).toBe(false);
    s = afterFailure(s, later);
    expect(s).toEqual({ failedAttempts: 1, lockedUntil: null, lockouts: 1 });
    for (let i = 2; i <= 5; i++) s = afterFailure(s, later);
    expect(s.lockedUntil).toBe(new Date(later.getTime() + 15 * MIN).toISOString());
  });
});
