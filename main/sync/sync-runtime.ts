// Builds and runs the sync worker: the outbox drained into the gateway (sale uploads, and the payments'
// store-and-forward handler), with the circuit breaker's heartbeat reporting what is still stored offline.
// Woken when work is queued and when the gateway comes back online.
import type { Logger } from '../../native/log/logger';
import { createOutboxRepo } from '../outbox/outbox-repo';
import type { CardPayments } from '../payments/card/card-payments';
import type { GatewayConnectivity } from '../payments/connectivity';
import type { GatewayClient } from '../gateway/client';
import type { PaymentTuning } from '../payments/payments-runtime';
import type { Database } from '../store/db';
import type { MaintenanceTask } from '../store/idle-maintenance';
import type { WorkSignal } from '../store/work-signal';
import { createOutboxWorker, type OutboxHandler } from './outbox-worker';
import { outboxRetention } from './retention';
import { saleUploadHandler } from './sale-upload-handler';

/** The app version the heartbeat reports. */
const APP_VERSION = '0.1.0';

export interface SyncDeps {
  readonly db: Database;
  readonly gateway: () => GatewayClient | null;
  readonly connectivity: Pick<GatewayConnectivity, 'breaker' | 'onChange'>;
  /** payments' `payment.forward` handler; `expireOverdue` runs before each claim */
  readonly forward: OutboxHandler & { expireOverdue(): number };
  /** what is stored offline, for the heartbeat */
  readonly storedTotals: CardPayments['storedTotals'];
  /** after a batch or a kick: the status bar's figures (uploads pending) */
  readonly publishStatus: () => void;
  readonly work: Pick<WorkSignal, 'subscribe'>;
  readonly now: () => Date;
  readonly log: Logger;
  readonly tuning?: Pick<PaymentTuning, 'backoff' | 'idleMs' | 'heartbeatMs'> | undefined;
}

export interface SyncRuntime {
  /** while the till is idle: sent rows deleted after 14 days */
  readonly idleTasks: readonly MaintenanceTask[];
  start(): void;
  /** something was queued (a sale): send it soon */
  kick(): void;
  /** tests and the bench: resolves when the outbox has nothing due */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function createSyncRuntime(d: SyncDeps): SyncRuntime {
  const { db, tuning } = d;
  let stopped = false;
  const repo = createOutboxRepo(db);
  const worker = createOutboxWorker({
    repo,
    runInTransaction: (fn) => db.transaction(fn).immediate(),
    handlers: { 'sale.upload': saleUploadHandler, 'payment.forward': d.forward },
    gateway: d.gateway,
    breaker: d.connectivity.breaker,
    probe: async (c) => {
      const stored = d.storedTotals();
      const r = await c.heartbeat({
        appVersion: APP_VERSION,
        pendingCount: stored.count,
        pendingMinor: stored.amountMinor,
        oldestPendingAt: stored.oldestAt,
      });
      return r.kind === 'ok';
    },
    now: d.now,
    log: d.log,
    sweep: () => void d.forward.expireOverdue(),
    onProgress: d.publishStatus,
    ...(tuning?.backoff ? { backoff: tuning.backoff } : {}),
    ...(tuning?.idleMs ? { idleMs: tuning.idleMs } : {}),
    ...(tuning?.heartbeatMs ? { heartbeatMs: tuning.heartbeatMs } : {}),
  });
  const kick = (): void => {
    if (stopped) return;
    worker.kick();
    d.publishStatus();
  };
  d.connectivity.onChange((online) => {
    if (online && !stopped) worker.kick();
  });
  d.work.subscribe(kick);
  return {
    idleTasks: [outboxRetention(repo)],
    start: () => worker.start(),
    kick,
    idle: () => worker.idle(),
    async stop() {
      stopped = true;
      await worker.stop();
    },
  };
}
