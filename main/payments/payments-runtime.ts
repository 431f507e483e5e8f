// Assembles the payments capability for the host: the gateway (the embedded sandbox in training mode, or the
// configured one: gateway-connection.ts), online/offline (connectivity.ts), card and QR payments on the one
// checkout, the store-and-forward handler the sync worker runs (the worker itself is built by
// main/sync/sync-runtime.ts), the card key (card/card-key-cache.ts), the background follow-up of payments
// nobody is following (unknown-resolver.ts), the reader (training mode's emulated ID TECH encrypting MSR
// behind the real HID driver, or a configured one: card/reader-routing.ts), and the status figures
// (payments-status.ts).
import type { Database } from '../store/db';
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
import type { Logger } from '../../native/log/logger';
import type { Checkout } from '../sale/checkout';
import type { SaleSettings } from '../sale/ports';
import { approvedBy, type Approver } from '../staff/approvals';
import type { OutboxHandler } from '../sync/outbox-worker';
import type { Attempt, AttemptRepo } from './attempts/attempt-repo';
import { createCardKeyCache } from './card/card-key-cache';
import { readFromWedgeBurst } from './card/card-reads';
import {
  createCardPayments,
  type CardPayments,
  type CardResult,
  type Connectivity,
} from './card/card-payments';
import { openReaderRouting } from './card/reader-routing';
import type { TrainingCard } from './card/training-cards';
import { createConnectivity, type GatewayConnectivity } from './connectivity';
import { connectGateway } from '../gateway/connection';
import type { GatewayClient } from '../gateway/client';
import { createForwardHandler } from './offline/forward-handler';
import { DEFAULT_OFFLINE_POLICY, type OfflinePolicy } from './offline/policy';
import { toPaymentView } from './payment-view';
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
  readonly db: Database;
  readonly dataDir: string;
  readonly config: PosConfig;
  /** the payment attempts (built first: the cart locks read them too, main/payments/cart-locks.ts) */
  readonly attempts: AttemptRepo;
  /** opens carts for tender and writes sales (main/sale/checkout.ts) */
  readonly checkout: Checkout;
  readonly settings: SaleSettings;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly log: Logger;
  readonly onStatus: (
    gateway: 'online' | 'offline' | 'not-configured' | 'error',
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
  readonly gatewayUrl: string | null;
  /** For the capabilities that talk to the gateway too (refunds): the client, online/offline, the attempts. */
  readonly access: {
    readonly gateway: () => GatewayClient | null;
    readonly connectivity: Connectivity;
    readonly attempts: AttemptRepo;
  };
  /** What the sync worker needs from payments (main/sync/sync-runtime.ts builds it). */
  readonly sync: {
    readonly gateway: () => GatewayClient | null;
    readonly connectivity: GatewayConnectivity;
    readonly forward: OutboxHandler & { expireOverdue(): number };
    readonly storedTotals: CardPayments['storedTotals'];
    /** the status bar's payment figures, soon (at most every 250 ms) */
    readonly publishStatus: () => void;
  };
  /** after the sync worker has stopped: the status, the resolver, the reader, then the gateway */
  stop(): Promise<void>;
}

const RECOVERY_STATES = [
  'unknown',
  'forward_unknown',
  'forward_declined',
  'expired',
  'stored',
  'forwarding',
  'user_paying',
  'reversing',
] as const;

export async function createPaymentsRuntime(o: PaymentsRuntimeOptions): Promise<PaymentsRuntime> {
  const { db, config, attempts } = o;
  const gateway = await connectGateway({
    config,
    dataDir: o.dataDir,
    now: o.now,
    clientTimeoutMs: o.tuning?.clientTimeoutMs,
  });
  const { client } = gateway;

  const policy: OfflinePolicy = { ...DEFAULT_OFFLINE_POLICY, ...(config.offlinePolicy ?? {}) };
  const connectivity = createConnectivity(o.log, o.tuning?.breaker);
  const keyAlert: { refused(): string | null } = { refused: () => null };
  const status = createPaymentsStatus({
    db,
    configured: client !== null,
    breaker: () => connectivity.breaker,
    storedTotals: () => cards.storedTotals(),
    onStatus: o.onStatus,
    // The card key cache is made further down (it publishes through `status`): read through a holder.
    alert: () => keyAlert.refused(),
  });
  connectivity.onChange(() => status.publish());
  const onChange = (a: Attempt): void => {
    o.onPayment(toPaymentView(a));
    status.publishNow(); // the cashier's own action: the status bar follows at once
  };
  const cards = createCardPayments({
    db,
    attempts,
    checkout: o.checkout,
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
    checkout: o.checkout,
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

  // A crash may have left requests in flight: they are unknown until looked up.
  const unknownCards = cards.recoverAfterCrash();
  const unknownForwards = forward.recoverAfterCrash();
  if (unknownCards + unknownForwards > 0)
    o.log('warn', 'payments in flight at the last stop are being looked up', {
      unknownCards,
      unknownForwards,
    });

  const cardKey = createCardKeyCache(db, client, () => status.publish());
  keyAlert.refused = () => cardKey.refused();
  await cardKey.refresh();

  const stopResolver = startUnknownResolver({
    attempts,
    cards,
    qr,
    online: () => client !== null && connectivity.online(),
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

  const mustGet = (id: string): Attempt => {
    const a = attempts.byId(id);
    if (!a) throw new PosFailure('NOT_FOUND', `No payment ${id}`, { attemptId: id });
    return a;
  };
  const stateChanged = (a: Attempt, more = ''): PosFailure =>
    new PosFailure('PAYMENT_STATE_CHANGED', `Payment ${a.id} is ${a.state}${more}`, { attemptId: a.id });

  return {
    gatewayUrl: gateway.url,
    access: { gateway: () => client, connectivity, attempts },
    sync: {
      gateway: () => client,
      connectivity,
      forward,
      storedTotals: () => cards.storedTotals(),
      publishStatus: () => status.publish(),
    },
    startCard: (input, override) => {
      if (!client) throw new PosFailure('GATEWAY_UNREACHABLE', 'No payment gateway is configured');
      return toPaymentView(cards.start({ ...input, override: override ?? undefined }));
    },
    trainingSwipe(attemptId, card) {
      const swipe = reader.trainingSwipe;
      if (!swipe)
        return Promise.reject(new PosFailure('NOT_FOUND', 'Test cards exist only in training mode'));
      const a = mustGet(attemptId);
      if (a.state !== 'created') return Promise.reject(stateChanged(a));
      return swipe(attemptId, card);
    },
    async wedgeSwipe(attemptId, tracks) {
      // Clear tracks typed at the keyboard are taken only from a reader configured as a keyboard wedge:
      // otherwise anything that types (a compromised page, a slow swipe) could push clear card data in.
      if (config.cardReader?.kind !== 'keyboard-wedge')
        throw new PosFailure(
          'CARD_READER_NOT_WEDGE',
          'This till is not set up for a keyboard-wedge card reader; card data typed at the keyboard is refused',
        );
      const a = mustGet(attemptId);
      if (a.state !== 'created') throw stateChanged(a);
      if (!cardKey.current()) await cardKey.refresh();
      const key = cardKey.current();
      const refused = cardKey.refused();
      if (!key && refused !== null) throw new PosFailure('GATEWAY_KEY_UNTRUSTED', refused);
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
        .inStates([...RECOVERY_STATES])
        .filter((a) => a.acknowledgedAt === null)
        .map(toPaymentView),
    acknowledge(attemptId, approver) {
      const a = mustGet(attemptId);
      if (a.state !== 'forward_declined' && a.state !== 'expired')
        throw stateChanged(a, '; nothing to acknowledge');
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
    async stop() {
      status.stop();
      stopResolver();
      reader.close();
      await gateway.close();
    },
  };
}
