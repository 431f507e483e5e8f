// How long a run of wrong PINs locks an operator. Five wrong PINs in a row lock them; each lock after the
// last good PIN lasts longer (5 min, 15 min, 1 h, 4 h, then 24 h), so guessing at the counter stays slow
// however patient the guesser. A good PIN, or a manager clearing the lock on the staff screen, starts over.
export const MAX_FAILED_PINS = 5;
export const LOCKOUT_STEPS_MS = [5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000, 24 * 60 * 60_000];

/** What an operator's failure record says now. */
export interface LockState {
  readonly failedAttempts: number;
  readonly lockedUntil: string | null;
  /** locks since the last good PIN */
  readonly lockouts: number;
}

export const isLocked = (s: LockState, now: Date): boolean =>
  s.lockedUntil !== null && Date.parse(s.lockedUntil) > now.getTime();

export const lockoutMs = (lockoutsBefore: number): number =>
  LOCKOUT_STEPS_MS[Math.min(lockoutsBefore, LOCKOUT_STEPS_MS.length - 1)] ?? 0;

/** The record after one more wrong PIN (a lock that has run out starts a fresh count). */
export function afterFailure(s: LockState, now: Date): LockState {
  const attempts = (s.lockedUntil !== null ? 0 : s.failedAttempts) + 1;
  if (attempts < MAX_FAILED_PINS)
    return { failedAttempts: attempts, lockedUntil: null, lockouts: s.lockouts };
  const until = new Date(now.getTime() + lockoutMs(s.lockouts)).toISOString();
  return { failedAttempts: attempts, lockedUntil: until, lockouts: s.lockouts + 1 };
}

export const CLEAR_LOCK: LockState = { failedAttempts: 0, lockedUntil: null, lockouts: 0 };
