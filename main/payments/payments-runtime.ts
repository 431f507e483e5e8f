// Assembles the payments capability for the host: the gateway (the embedded sandbox in training mode, or the
// configured one: gateway-connection.ts), the circuit breaker, the sync worker and its outbox handlers, card
// and QR payments, the card key (card/card-key-cache.ts), the background follow-up of payments nobody is
// following (unknown-resolver.ts), the reader (training mode's emulated ID TECH encrypting MSR behind the real HID
// driver, or a configured one: card/reader-routing.ts), and the status figures (payments-status.ts).
import type Database from 'better-sqlite3';
import type { IdTechHidReader } from '../../native/card/idtech';
import type {
  PaymentErrorEvent,
  PaymentResultView,
  PaymentsStatusView,
  PaymentView,
  SaleView,
} from '../api/contract';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import type { PosConfig } from '../config/config';
import type { Logger } from '../ipc/dispatcher';
import type { CartRepo } from '../sale/cart-repo';
import type { SaleCatalog, SaleSettings } from '../sale/ports';
import type { SaleRepo } from '../sale/sale-repo';
import type { SaleWriter } from '../sale/write-sale';
import { approvedBy, type Approver } from '../staff/approvals';
import { createCircuitBreaker } from '../sync/circuit-breaker';
import { createOutboxRepo } from '../sync/outbox-repo';
import { createOutboxWorker } from '../sync/outbox-worker';
import { saleUploadHandler } from '../sync/sale-upload-handler';
import { createAttemptRepo, type Attempt, type AttemptRepo } from './attempts/attempt-repo';
import { createCardKeyCache } from './card/card-key-cache';
import { readFromWedgeBurst } from './card/card-reads';
import { createCardPayments, type CardResult, type Connectivity } from './card/card-payments';
import { openReaderRouting } from './card/reader-routing';
import type { TrainingCard } from './card/training-cards';
import { connectGateway } from './gateway-connection';
import type { GatewayClient, Outcome } from './gateway-client';
import { createForwardHandler } from './offline/forward-handler';
import { DEFAULT_OFFLINE_POLICY, type OfflinePolicy } from './offline/policy';
import { createPaymentsStatus } from './payments-status';
import { createQrPayments, type QrResult, type QrTiming } from './qr/qr-payments';
import { startUnknownResolver } from './unknown-resolver';

/** Tests and demos: shorter sync backoff, breaker cool-downs, heartbeats and QR polling (defaults suit a shop). */
export interface PaymentTuning {
  readonly backoff?: { baseMs: number; maxMs: number };
  readonly breaker?: { threshold?: number; baseCooldownMs?: number; maxCooldownMs?: number };
  readonly qr?: QrTiming;
  readonly clientTimeoutMs?: number;
  readonly idleMs?: number;
  readonly heartbeatMs?: number;
}

export interface PaymentsRuntimeOptions {
  readonly db: Database.Database;
  readonly dataDir: string;
  readonly config: PosConfig;
  readonly carts: CartRepo;
  readonly sales: SaleRepo;
  readonly writer: SaleWriter;
  readonly catalog: SaleCatalog;
  readonly settings: SaleSettings;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly log: Logger;
  readonly onStatus: (
    gateway: 'online' | 'offline' | 'not-configured',
    detail: string | null,
    p: PaymentsStatusView,
  ) => void;
  readonly onPayment: (p: PaymentView) => void;
  readonly onPaymentError: (e: PaymentErrorEvent) => void;
  /** Opens the configured encrypting reader (default: node-hid); tests inject the emulator. */
  readonly openCardReader?: () => Promise<IdTechHidReader>;
  /** tests: faster backoff, breaker and QR polling */
  readonly tuning?: PaymentTuning;
}

export interface PaymentsRuntime {
  startCard(
    input: { cartId: string; cartVersion: number; customerContact?: string | undefined },
    override: Approver | null,
  ): PaymentView;
  trainingSwipe(attemptId: string, card: TrainingCard): Promise<PaymentResultView>;
  wedgeSwipe(attemptId: string, tracks: string): Promise<PaymentResultView>;
  cancel(attemptId: string): PaymentView;
  get(attemptId: string): PaymentView;
  resolve(attemptId: string): Promise<PaymentResultView>;
  recovery(): PaymentView[];
  acknowledge(attemptId: string, approver: Approver): PaymentView;
  startQr(input: { cartId: string; cartVersion: number; code: string }): Promise<PaymentResultView>;
  /** a cart can take cash only when no card/QR payment may be moving money for it */
  assertCartUnlocked(cartId: string): void;
  /** something was queued (a sale): send it soon */
  kick(): void;
  /** tests and the bench: resolves when the outbox has nothing due */
  syncIdle(): Promise<void>;
  readonly gatewayUrl: string | null;
  /** For the capabilities that talk to the gateway too (refunds): the client, online/offline, the attempts. */
  readonly access: {
    readonly gateway: () => GatewayClient | null;
    readonly connectivity: Connectivity;
    readonly attempts: AttemptRepo;
  };
  close(): Promise<void>;
}

export function toPaymentView(a: Attempt): PaymentView {
  return {
    attemptId: a.id,
    kind: a.kind,
    mode: a.mode,
    state: a.state,
    amountMinor: a.amountMinor,
    currency: a.currency,
    brand: a.card?.brand ?? null,
    last4: a.card?.last4 ?? null,
    qrScheme: a.qrScheme,
    authCode: a.authCode,
    responseCode: a.responseCode,
    message: a.message,
    saleId: a.saleId,
    storedAt: a.storedAt,
    forwardDeadline: a.forwardDeadline,
    acknowledged: a.acknowledgedAt !== null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export async function createPaymentsRuntime(o: PaymentsRuntimeOptions): Promise<PaymentsRuntime> {
  const { db, config } = o;
  const gateway = await connectGateway({
    config,
    dataDir: o.dataDir,
    now: o.now,
    clientTimeoutMs: o.tuning?.clientTimeoutMs,
  });
  const { client } = gateway;

  const attempts = createAttemptRepo(db, { now: o.now });
  const outbox = createOutboxRepo(db);
  const policy: OfflinePolicy = { ...DEFAULT_OFFLINE_POLICY, ...(config.offlinePolicy ?? {}) };
  let stopped = false;
  const status = createPaymentsStatus({
    db,
    configured: client !== null,
    breaker: () => breaker,
    storedTotals: () => cards.storedTotals(),
    onStatus: o.onStatus,
  });
  const breaker = createCircuitBreaker({
    now: Date.now,
    ...(o.tuning?.breaker ?? {}),
    onChange: (online) => {
      o.log(online ? 'info' : 'warn', online ? 'gateway online' : 'gateway offline: store-and-forward');
      if (online) worker.kick();
      status.publish();
    },
  });
  const connectivity: Connectivity = {
    online: () => breaker.online(),
    report: (r: Outcome<unknown>) =>
      r.kind === 'unreachable' || r.kind === 'unknown' ? breaker.failure() : breaker.success(),
  };
  const onChange = (a: Attempt): void => {
    o.onPayment(toPaymentView(a));
    status.publishNow(); // the cashier's own action: the status bar follows at once
  };
  const cards = createCardPayments({
    db,
    attempts,
    carts: o.carts,
    sales: o.sales,
    writer: o.writer,
    catalog: o.catalog,
    settings: o.settings,
    gateway: () => client,
    connectivity,
    policy,
    now: o.now,
    newId: o.newId,
    onChange,
  });
  const qr = createQrPayments({
    db,
    attempts,
    carts: o.carts,
    writer: o.writer,
    catalog: o.catalog,
    settings: o.settings,
    gateway: () => client,
    connectivity,
    now: o.now,
    newId: o.newId,
    ...(o.tuning?.qr ? { timing: o.tuning.qr } : {}),
    onChange,
  });
  const forward = createForwardHandler({
    db,
    attempts,
    now: o.now,
    onFinal: (id) => {
      const a = attempts.byId(id);
      if (a) onChange(a);
    },
  });
  const worker = createOutboxWorker({
    repo: outbox,
    runInTransaction: (fn) => db.transaction(fn).immediate(),
    handlers: { 'sale.upload': saleUploadHandler, 'payment.forward': forward },
    gateway: () => client,
    breaker,
    probe: async (c) => {
      const stored = cards.storedTotals();
      const r = await c.heartbeat({
        appVersion: '0.1.0',
        pendingCount: stored.count,
        pendingMinor: stored.amountMinor,
        oldestPendingAt: stored.oldestAt,
      });
      return r.kind === 'ok';
    },
    now: o.now,
    log: o.log,
    sweep: () => void forward.expireOverdue(),
    onProgress: status.publish,
    ...(o.tuning?.backoff ? { backoff: o.tuning.backoff } : {}),
    ...(o.tuning?.idleMs ? { idleMs: o.tuning.idleMs } : {}),
    ...(o.tuning?.heartbeatMs ? { heartbeatMs: o.tuning.heartbeatMs } : {}),
  });

  // A crash may have left requests in flight: they are unknown until looked up.
  const unknownCards = cards.recoverAfterCrash();
  const unknownForwards = forward.recoverAfterCrash();
  if (unknownCards + unknownForwards > 0)
    o.log('warn', 'payments in flight at the last stop are being looked up', {
      unknownCards,
      unknownForwards,
    });

  const cardKey = createCardKeyCache(db, client);
  await cardKey.refresh();

  const stopResolver = startUnknownResolver({
    attempts,
    cards,
    qr,
    online: () => client !== null && breaker.online(),
  });

  const result = async (p: Promise<CardResult | QrResult>): Promise<PaymentResultView> => {
    const r = await p;
    return {
      outcome: r.outcome,
      payment: toPaymentView(r.attempt),
      sale: 'sale' in r ? (r.sale as SaleView) : null,
    };
  };
  const reader = await openReaderRouting({
    config,
    attempts,
    submit: (attemptId, read) => result(cards.submit(attemptId, read)),
    onPaymentError: o.onPaymentError,
    log: o.log,
    openCardReader: o.openCardReader,
  });

  status.publish();
  worker.start();

  const mustGet = (id: string): Attempt => {
    const a = attempts.byId(id);
    if (!a) throw new PosFailure('NOT_FOUND', `No payment ${id}`, { attemptId: id });
    return a;
  };

  return {
    gatewayUrl: gateway.url,
    access: { gateway: () => client, connectivity, attempts },
    startCard: (input, override) => {
      if (!client) throw new PosFailure('GATEWAY_UNREACHABLE', 'No payment gateway is configured');
      return toPaymentView(cards.start({ ...input, override: override ?? undefined }));
    },
    trainingSwipe(attemptId, card) {
      const swipe = reader.trainingSwipe;
      if (!swipe)
        return Promise.reject(new PosFailure('NOT_FOUND', 'Test cards exist only in training mode'));
      const a = mustGet(attemptId);
      if (a.state !== 'created') {
        return Promise.reject(
          new PosFailure('PAYMENT_STATE_CHANGED', `Payment ${attemptId} is ${a.state}`, { attemptId }),
        );
      }
      return swipe(attemptId, card);
    },
    async wedgeSwipe(attemptId, tracks) {
      const a = mustGet(attemptId);
      if (a.state !== 'created')
        throw new PosFailure('PAYMENT_STATE_CHANGED', `Payment ${attemptId} is ${a.state}`, { attemptId });
      if (!cardKey.current()) await cardKey.refresh();
      const key = cardKey.current();
      if (!key)
        throw new PosFailure(
          'GATEWAY_UNREACHABLE',
          "The gateway's card key is not known yet; this reader cannot be used offline until it is",
        );
      return result(cards.submit(attemptId, readFromWedgeBurst(tracks, key, attemptId)));
    },
    cancel: (id) => toPaymentView(cards.cancel(id)),
    get: (id) => toPaymentView(mustGet(id)),
    resolve: async (id) => {
      const a = mustGet(id);
      // A card outcome is looked up; a QR payment is followed up (polled, reversed if still unpaid).
      return result(a.kind === 'qr' ? qr.resume(id) : cards.resolve(id));
    },
    recovery: () =>
      attempts
        .inStates([
          'unknown',
          'forward_unknown',
          'forward_declined',
          'expired',
          'stored',
          'forwarding',
          'user_paying',
          'reversing',
        ])
        .filter((a) => a.acknowledgedAt === null)
        .map(toPaymentView),
    acknowledge(attemptId, approver) {
      const a = mustGet(attemptId);
      if (a.state !== 'forward_declined' && a.state !== 'expired') {
        throw new PosFailure(
          'PAYMENT_STATE_CHANGED',
          `Payment ${attemptId} is ${a.state}; nothing to acknowledge`,
          { attemptId },
        );
      }
      db.transaction(() => {
        attempts.acknowledge(attemptId);
        appendJournal(db, {
          at: o.now().toISOString(),
          kind: 'payment.acknowledged',
          ref: attemptId,
          body: { attemptId, state: a.state, approvedBy: approvedBy(approver) },
        });
      }).immediate();
      const after = mustGet(attemptId);
      onChange(after);
      return toPaymentView(after);
    },
    startQr: (input) => result(qr.pay(input)),
    assertCartUnlocked(cartId) {
      const waiting = attempts.blockingFor(cartId);
      if (waiting === null) return; // the usual case: one query on every cart edit and every cash sale
      // A card payment still waiting for its card has moved no money: going on with the cart (an edit, cash,
      // clearing it) abandons it, so a refused or forgotten card dialog never leaves the cart stuck.
      if (waiting.state === 'created' && waiting.kind === 'card') cards.cancel(waiting.id);
      const b = attempts.blockingFor(cartId);
      if (b)
        throw new PosFailure('CART_LOCKED', 'A payment for this cart is in progress or unresolved', {
          attemptId: b.id,
          state: b.state,
        });
    },
    kick: () => {
      if (stopped) return;
      worker.kick();
      status.publish();
    },
    syncIdle: () => worker.idle(),
    async close() {
      stopped = true;
      status.stop();
      stopResolver();
      await worker.stop();
      reader.close();
      await gateway.close();
    },
  };
}
