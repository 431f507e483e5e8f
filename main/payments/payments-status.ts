// The payments figures for the status bar: online/offline, the stored (offline) payments, what needs a
// manager and the sales still to upload.
import type { Database } from '../store/db';
import type { PaymentsStatusView } from '../api/contract';
import type { CircuitBreaker } from '../gateway/circuit-breaker';
import { NEEDS_MANAGER, OPEN_ATTEMPTS_SQL } from './attempts/states';
import type { CardPayments } from './card/card-payments';

export interface PaymentsStatusOptions {
  readonly db: Database;
  /** false when no gateway is configured */
  readonly configured: boolean;
  /** read at each publish (the breaker and the card payments are made after this, and call back into it) */
  readonly breaker: () => Pick<CircuitBreaker, 'online' | 'msUntilProbe'>;
  readonly storedTotals: () => ReturnType<CardPayments['storedTotals']>;
  /** a problem for the manager that makes the gateway's state `error` (the card key refused by its pin) */
  readonly alert?: () => string | null;
  readonly onStatus: (
    gateway: 'online' | 'offline' | 'not-configured' | 'error',
    detail: string | null,
    p: PaymentsStatusView,
  ) => void;
}

export interface PaymentsStatus {
  /** soon: at most every 250 ms (trailing) */
  publish(): void;
  /** at once: after the cashier's own action */
  publishNow(): void;
  /** nothing more is published */
  stop(): void;
}

export function createPaymentsStatus(o: PaymentsStatusOptions): PaymentsStatus {
  const needsManager = o.db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM payment_attempts WHERE ${OPEN_ATTEMPTS_SQL} AND state IN (${NEEDS_MANAGER.map((s) => `'${s}'`).join(', ')})
         AND acknowledged_at IS NULL`,
  );
  const uploadsPending = o.db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM outbox WHERE kind = 'sale.upload' AND state IN ('pending', 'sending')`,
  );
  let stopped = false;
  // The figures are aggregates over the stored payments: worked out at most every 250 ms (trailing), so a
  // drain of thousands of rows does not recount them after every answer.
  let statusTimer: NodeJS.Timeout | null = null;
  let statusAt = 0;
  const publishStatus = (): void => {
    if (stopped || statusTimer) return;
    const wait = Math.max(0, statusAt + 250 - Date.now());
    if (wait === 0) return publishStatusNow();
    statusTimer = setTimeout(() => {
      statusTimer = null;
      publishStatusNow();
    }, wait);
  };
  const publishStatusNow = (): void => {
    if (stopped) return;
    statusAt = Date.now();
    const stored = o.storedTotals();
    const needs = needsManager.get()?.n ?? 0;
    const uploads = uploadsPending.get()?.n ?? 0;
    const breaker = o.breaker();
    const alert = o.configured ? (o.alert?.() ?? null) : null;
    const state = !o.configured
      ? 'not-configured'
      : alert !== null
        ? 'error'
        : breaker.online()
          ? 'online'
          : 'offline';
    const wait = breaker.msUntilProbe();
    const detail = alert ?? (state === 'offline' ? `retrying in ${Math.ceil(wait / 1000)} s` : null);
    o.onStatus(state, detail, {
      pendingCount: stored.count,
      pendingMinor: stored.amountMinor,
      oldestPendingAt: stored.oldestAt,
      nextDeadline: stored.nextDeadline,
      needsManager: needs,
      uploadsPending: uploads,
    });
  };
  return {
    publish: publishStatus,
    publishNow: publishStatusNow,
    stop() {
      stopped = true;
      if (statusTimer) clearTimeout(statusTimer);
    },
  };
}
