// Retry delay while the printer is not ready or a job was interrupted: doubling from `baseMs` to `capMs`, so a
// printer that comes back is noticed within a second at first, and a long outage costs one poll per cap.
export interface Backoff {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 1_000, capMs: 30_000 };

/** Delay before retry number `failures` (1 = first retry). */
export function backoffDelay(failures: number, b: Backoff = DEFAULT_BACKOFF): number {
  if (failures <= 0) return 0;
  const exp = Math.min(failures - 1, 30); // no overflow past the cap
  return Math.min(b.capMs, b.baseMs * 2 ** exp);
}
