// After a Z, the settlement of the dates the closed business day covered is fetched in the background: a Z
// never waits for the gateway, and a fetch that fails (gateway down, day not yet settled) is logged and
// tried again later, until it succeeds or the till stops. The day is then reconciled.
import type { GatewayClient } from '../gateway/client';
import type { Reconciliation } from './reconcile-day';

export interface AutoFetchDeps {
  readonly recon: Pick<Reconciliation, 'fetch' | 'reconcile'>;
  readonly gateway: () => GatewayClient | null;
  /** the calendar date of an instant in the gateway's business time zone */
  readonly dateOf: (iso: string) => string;
  readonly log: (level: 'info' | 'warn', msg: string, data?: Record<string, unknown>) => void;
  readonly retryMs?: number;
}

export interface AutoFetch {
  /** a Z closed the business day that ran from `openedAt` to `closedAt` */
  dayClosed(openedAt: string, closedAt: string): void;
  stop(): void;
}

const DEFAULT_RETRY_MS = 15 * 60 * 1000;

export function createAutoFetch(d: AutoFetchDeps): AutoFetch {
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  async function attempt(day: string): Promise<void> {
    if (stopped) return;
    const client = d.gateway();
    const out = client
      ? await d.recon.fetch(client, day)
      : { kind: 'failed' as const, reason: 'no gateway is configured' };
    if (out.kind === 'fetched') {
      d.recon.reconcile(day);
      d.log('info', 'settlement fetched', { day, rows: out.rows });
      return;
    }
    d.log('warn', 'settlement fetch failed; will retry', { day, reason: out.reason });
    if (stopped || !client) return;
    const t = setTimeout(() => {
      timers.delete(t);
      void run(day);
    }, d.retryMs ?? DEFAULT_RETRY_MS);
    t.unref();
    timers.add(t);
  }

  const run = (day: string): Promise<void> =>
    attempt(day).catch((e: unknown) => {
      d.log('warn', 'settlement fetch failed', { day, error: e instanceof Error ? e.message : String(e) });
    });

  return {
    dayClosed(openedAt, closedAt) {
      const days = new Set([d.dateOf(openedAt), d.dateOf(closedAt)]);
      for (const day of days) setImmediate(() => void run(day));
    },
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
