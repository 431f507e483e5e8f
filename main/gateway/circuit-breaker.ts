// Online or offline, decided from what gateway calls actually do. After `threshold` failures in a row (no
// connection, timeouts, 5xx) the breaker opens: the app is offline, card payments go to store-and-forward at
// once instead of making the cashier wait for a timeout, and only a probe is let through after a cool-down
// (doubling up to a maximum). A successful probe (or any successful call) closes it: online again.
//
//   closed --threshold failures in a row--> open --cool-down over--> half-open --probe ok--> closed
//                                                         half-open --probe fails--> open (longer cool-down)

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  readonly threshold?: number;
  readonly baseCooldownMs?: number;
  readonly maxCooldownMs?: number;
  readonly now: () => number;
  readonly onChange?: (online: boolean) => void;
}

export interface CircuitBreaker {
  readonly state: () => BreakerState;
  /** true while closed: calls go straight to the gateway */
  readonly online: () => boolean;
  /** true when the cool-down is over and the next call is the probe */
  readonly probeDue: () => boolean;
  /** ms until a probe is due (0 when due or closed) */
  readonly msUntilProbe: () => number;
  success(): void;
  failure(): void;
}

export function createCircuitBreaker(o: BreakerOptions): CircuitBreaker {
  const threshold = o.threshold ?? 3;
  const base = o.baseCooldownMs ?? 2_000;
  const max = o.maxCooldownMs ?? 60_000;
  let failures = 0;
  let openings = 0;
  let openUntil = 0;
  let state: BreakerState = 'closed';

  const set = (next: BreakerState): void => {
    const wasOnline = state === 'closed';
    state = next;
    if (wasOnline !== (state === 'closed')) o.onChange?.(state === 'closed');
  };

  return {
    state: () => {
      if (state === 'open' && o.now() >= openUntil) state = 'half-open';
      return state;
    },
    online: () => state === 'closed',
    probeDue: () => state !== 'closed' && o.now() >= openUntil,
    msUntilProbe: () => (state === 'closed' ? 0 : Math.max(0, openUntil - o.now())),
    success() {
      failures = 0;
      openings = 0;
      set('closed');
    },
    failure() {
      failures++;
      if (state !== 'closed' || failures >= threshold) {
        openUntil = o.now() + Math.min(max, base * 2 ** openings);
        openings++;
        set('open');
      }
    },
  };
}

/** Exponential backoff with full jitter (AWS architecture blog): spreads retries of many rows over time. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
