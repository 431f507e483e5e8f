// How long a signed-in till may sit without input before it locks (config.json `signIn.idleLockMinutes`).
// The renderer measures the idle time from keyboard, scanner and touch input and asks main to lock
// (session.lock); main holds the lock (sessions.ts). Five minutes unless configured; 0 never locks.
import type { PosConfig } from '../config/config';

export const DEFAULT_IDLE_LOCK_MINUTES = 5;

export const idleLockMinutes = (config: Pick<PosConfig, 'signIn'>): number =>
  config.signIn?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES;
