// Assembles the payments capability for the host: the gateway (the embedded sandbox in training mode, or the
// configured one), the circuit breaker, the sync worker and its outbox handlers, card and QR payments, the
// training reader (an emulated ID TECH encrypting MSR behind the real HID driver), and the status figures.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { IdTechHidReader, openIdTechReader, type EncryptedSwipe } from '../../native/card/idtech';
import { IdTechMsrEmulator } from '../../native/emulators/idtech-msr';
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
import { NEEDS_MANAGER } from './attempts/states';
import { readFromEncryptedSwipe, readFromWedgeBurst } from './card/card-reads';
import { createCardPayments, type CardResult, type Connectivity } from './card/card-payments';
import { trainingTracks, type TrainingCard } from './card/training-cards';
import { createGatewayClient, type GatewayClient, type Outcome } from './gateway-client';
import { createForwardHandler } from './offline/forward-handler';
import { DEFAULT_OFFLINE_POLICY, type OfflinePolicy } from './offline/policy';
import type { CardKey } from './protocol/schemas';
import { createQrPayments, type QrResult, type QrTiming } from './qr/qr-payments';

/** The public TDES test BDK and an initial KSN: the training reader and the sandbox share only test keys. */
const TRAINING_READER = { bdk: '0123456789ABCDEFFEDCBA9876543210', ksn: 'FFFF9876543210E00000' } as const;

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

/** The terminal secret: a file of 32+ random bytes (mode 0600), made on first use for the training sandbox. */
function terminalSecret(file: string, create: boolean): Uint8Array {
  if (!fs.existsSync(file)) {
    if (!create)
      throw new PosFailure('CONFIG_CORRUPT', `The gateway terminal secret file ${file} does not exist`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  const bytes = /^[0-9a-fA-F]{64,}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'utf8');
  if (bytes.length < 32)
    throw new PosFailure('CONFIG_CORRUPT', `The terminal secret in ${file} is shorter than 32 bytes`);
  return bytes;
}

export async function createPaymentsRuntime(o: PaymentsRuntimeOptions): Promise<PaymentsRuntime> {
  const { db, config } = o;
  const terminalId = config.store.terminalId;
  let sandbox: { url: string; close(): Promise<void> } | null = null;
  let client: GatewayClient | null = null;
  const clientOptions = {
    now: o.now,
    ...(o.tuning?.clientTimeoutMs ? { timeoutMs: o.tuning.clientTimeoutMs } : {}),
  };
  if (config.gateway) {
    const secretFile = path.resolve(o.dataDir, config.gateway.terminalSecretFile);
    client = createGatewayClient({
      baseUrl: config.gateway.url.replace(/\/$/, ''),
      credentials: { terminalId, secret: terminalSecret(secretFile, false) },
      ...clientOptions,
    });
  } else if (config.trainingMode) {
    // Training: the sandbox gateway runs in this process on loopback, so card and QR payments work with no account.
    const dir = path.join(o.dataDir, 'training-gateway');
    const secret = terminalSecret(path.join(dir, 'terminal-secret'), true);
    const { startSandboxGateway } = await import('../gateway-sandbox/server');
    const gw = await startSandboxGateway({
      dataDir: dir,
      terminals: [{ terminalId, secret }],
      currency: config.currency,
      businessTimeZone: 'Asia/Shanghai',
      log: () => undefined,
    });
    sandbox = gw;
    client = createGatewayClient({ baseUrl: gw.url, credentials: { terminalId, secret }, ...clientOptions });
  }

  const attempts = createAttemptRepo(db, { now: o.now });
  const outbox = createOutboxRepo(db);
  const policy: OfflinePolicy = { ...DEFAULT_OFFLINE_POLICY, ...(config.offlinePolicy ?? {}) };
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
    const stored = cards.storedTotals();
    const needs =
      db
        .prepare<[], { n: number }>(
          `SELECT count(*) AS n FROM payment_attempts WHERE state IN (${NEEDS_MANAGER.map((s) => `'${s}'`).join(', ')})
         AND acknowledged_at IS NULL`,
        )
        .get()?.n ?? 0;
    const uploads =
      db
        .prepare<[], { n: number }>(
          `SELECT count(*) AS n FROM outbox WHERE kind = 'sale.upload' AND state IN ('pending', 'sending')`,
        )
        .get()?.n ?? 0;
    const state = client === null ? 'not-configured' : breaker.online() ? 'online' : 'offline';
    const wait = breaker.msUntilProbe();
    o.onStatus(state, state === 'offline' ? `retrying in ${Math.ceil(wait / 1000)} s` : null, {
      pendingCount: stored.count,
      pendingMinor: stored.amountMinor,
      oldestPendingAt: stored.oldestAt,
      nextDeadline: stored.nextDeadline,
      needsManager: needs,
      uploadsPending: uploads,
    });
  };
  const breaker = createCircuitBreaker({
    now: Date.now,
    ...(o.tuning?.breaker ?? {}),
    onChange: (online) => {
      o.log(online ? 'info' : 'warn', online ? 'gateway online' : 'gateway offline: store-and-forward');
      if (online) worker.kick();
      publishStatus();
    },
  });
  const connectivity: Connectivity = {
    online: () => breaker.online(),
    report: (r: Outcome<unknown>) =>
      r.kind === 'unreachable' || r.kind === 'unknown' ? breaker.failure() : breaker.success(),
  };
  const onChange = (a: Attempt): void => {
    o.onPayment(toPaymentView(a));
    publishStatusNow(); // the cashier's own action: the status bar follows at once
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
    onProgress: publishStatus,
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

  // The gateway's public key, for sealing keyboard-wedge card data; cached (it is public) for offline use.
  let cardKey: CardKey | null = null;
  const keyRow = db
    .prepare<[], { value: string }>(`SELECT value FROM settings WHERE key = 'gateway.cardKey'`)
    .get();
  if (keyRow) cardKey = JSON.parse(keyRow.value) as CardKey;
  const refreshKey = async (): Promise<void> => {
    if (!client) return;
    const r = await client.cardKey();
    if (r.kind === 'ok') {
      cardKey = r.value;
      db.prepare(
        `INSERT INTO settings (key, value) VALUES ('gateway.cardKey', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(JSON.stringify(r.value));
    }
  };
  await refreshKey();

  // Unknown card outcomes are looked up in the background as soon as the gateway answers.
  let resolving = false;
  const resolveUnknowns = async (): Promise<void> => {
    if (resolving || !client || !breaker.online()) return;
    resolving = true;
    try {
      for (const a of attempts.inStates(['unknown']).filter((x) => x.kind === 'card'))
        await cards.resolve(a.id).catch(() => undefined);
    } finally {
      resolving = false;
    }
  };
  const resolveTimer = setInterval(() => void resolveUnknowns(), 5_000);
  resolveTimer.unref();

  // The encrypting reader: training mode's emulated one, or a configured ID TECH reader on USB HID. A swipe
  // goes to the card payment waiting for one (the newest); its outcome reaches the UI as events, and a swipe
  // that cannot be used is reported as a `paymentError` event for that payment.
  const emulator = config.trainingMode
    ? new IdTechMsrEmulator({
        bdk: TRAINING_READER.bdk,
        initialKsn: TRAINING_READER.ksn,
        variant: 'data',
        serial: 'TRAINING01',
        // Readers are set to send the expiry in the clear (allowed: PCI DSS lets it be kept); facts need it.
        mask: { showExpiry: true },
      })
    : null;
  const hidConfig = config.cardReader?.kind === 'idtech-hid' ? config.cardReader : null;
  let reader: IdTechHidReader | null = emulator ? new IdTechHidReader(emulator) : null;
  const readerVariant = hidConfig?.variant ?? 'data';
  if (!reader && hidConfig) {
    const open =
      o.openCardReader ??
      (() =>
        openIdTechReader({
          ...(hidConfig.vendorId !== undefined ? { vendorId: hidConfig.vendorId } : {}),
          ...(hidConfig.productId !== undefined ? { productId: hidConfig.productId } : {}),
        }));
    reader = await open().catch((e: unknown) => {
      // The till still sells (cash, QR); the reader is reported, and found again at the next start.
      o.log('error', 'card reader not available', { error: e instanceof Error ? e.message : String(e) });
      return null;
    });
  }
  let waiting: {
    attemptId: string;
    resolve: (r: PaymentResultView) => void;
    reject: (e: unknown) => void;
  } | null = null;
  const result = async (p: Promise<CardResult | QrResult>): Promise<PaymentResultView> => {
    const r = await p;
    return {
      outcome: r.outcome,
      payment: toPaymentView(r.attempt),
      sale: 'sale' in r ? (r.sale as SaleView) : null,
    };
  };
  /** The payment a hardware swipe is for: the one a training swipe named, else the newest waiting card payment. */
  const target = (): {
    attemptId: string;
    resolve: (r: PaymentResultView) => void;
    reject: (e: unknown) => void;
  } | null => {
    const w = waiting;
    waiting = null;
    if (w) return w;
    const open = attempts.inStates(['created']).filter((a) => a.kind === 'card');
    const newest = open[open.length - 1];
    if (!newest) return null;
    const report = (e: unknown): void => {
      const error =
        e instanceof PosFailure
          ? { code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}) }
          : { code: 'INTERNAL' as const, message: 'the swipe could not be used' };
      o.onPaymentError({ attemptId: newest.id, error });
    };
    return { attemptId: newest.id, resolve: () => undefined, reject: report };
  };
  reader?.on('swipe', (s: EncryptedSwipe) => {
    const t = target();
    if (!t) return void o.log('warn', 'card swiped with no payment waiting for it');
    try {
      result(cards.submit(t.attemptId, readFromEncryptedSwipe(s, { variant: readerVariant }))).then(
        t.resolve,
        t.reject,
      );
    } catch (e) {
      t.reject(e);
    }
  });
  reader?.on('bad-read', (b) => {
    target()?.reject(
      new PosFailure('CARD_UNREADABLE', 'The card could not be read; swipe again', { reason: b.reason }),
    );
  });
  reader?.on('disconnected', (d) => o.log('error', 'card reader disconnected', { message: d.message }));

  publishStatus();
  worker.start();

  const mustGet = (id: string): Attempt => {
    const a = attempts.byId(id);
    if (!a) throw new PosFailure('NOT_FOUND', `No payment ${id}`, { attemptId: id });
    return a;
  };

  return {
    gatewayUrl: sandbox?.url ?? config.gateway?.url ?? null,
    access: { gateway: () => client, connectivity, attempts },
    startCard: (input, override) => {
      if (!client) throw new PosFailure('GATEWAY_UNREACHABLE', 'No payment gateway is configured');
      return toPaymentView(cards.start({ ...input, override: override ?? undefined }));
    },
    trainingSwipe(attemptId, card) {
      if (!emulator)
        return Promise.reject(new PosFailure('NOT_FOUND', 'Test cards exist only in training mode'));
      const a = mustGet(attemptId);
      if (a.state !== 'created') {
        return Promise.reject(
          new PosFailure('PAYMENT_STATE_CHANGED', `Payment ${attemptId} is ${a.state}`, { attemptId }),
        );
      }
      return new Promise<PaymentResultView>((resolve, reject) => {
        waiting = { attemptId, resolve, reject };
        if (card === 'bad-read') emulator.badSwipe();
        else emulator.swipe(trainingTracks(card));
      });
    },
    async wedgeSwipe(attemptId, tracks) {
      const a = mustGet(attemptId);
      if (a.state !== 'created')
        throw new PosFailure('PAYMENT_STATE_CHANGED', `Payment ${attemptId} is ${a.state}`, { attemptId });
      if (!cardKey) await refreshKey();
      if (!cardKey)
        throw new PosFailure(
          'GATEWAY_UNREACHABLE',
          "The gateway's card key is not known yet; this reader cannot be used offline until it is",
        );
      return result(cards.submit(attemptId, readFromWedgeBurst(tracks, cardKey, attemptId)));
    },
    cancel: (id) => toPaymentView(cards.cancel(id)),
    get: (id) => toPaymentView(mustGet(id)),
    resolve: async (id) => {
      const a = mustGet(id);
      if (a.kind !== 'card')
        throw new PosFailure('PAYMENT_STATE_CHANGED', 'QR payments are followed up automatically');
      return result(cards.resolve(id));
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
      // A card payment still waiting for its card has moved no money: going on with the cart (an edit, cash,
      // clearing it) abandons it, so a refused or forgotten card dialog never leaves the cart stuck.
      if (waiting?.state === 'created' && waiting.kind === 'card') cards.cancel(waiting.id);
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
      publishStatus();
    },
    syncIdle: () => worker.idle(),
    async close() {
      stopped = true;
      if (statusTimer) clearTimeout(statusTimer);
      clearInterval(resolveTimer);
      await worker.stop();
      reader?.close();
      client?.close();
      await sandbox?.close();
    },
  };
}
