// The app's side of the gateway protocol (main/gateway/protocol). Every call is signed; money-moving calls
// carry the idempotency key the caller generated and PERSISTED before calling. The answer is classified by
// what it proves about the gateway's ledger, because that is what decides the next step:
//   ok          – the gateway answered with a valid body;
//   rejected    – a definite "not done" (4xx: bad request, bad signature, not found, ...);
//   unreachable – the request never left (no connection): safe to say "not done";
//   unknown     – it may have been done (timeout or reset after sending, 5xx, garbled answer, or an answer not
//                 signed for this request): look it up by reference before anything else; never a second attempt.
// Transport (HTTPS pinned, or loopback HTTP) in transport.ts; the answer's signature is checked before its
// status or body is read at all.
import type { z } from 'zod';
import {
  GatewayErrorSchema,
  HeartbeatSchema,
  CardKeySchema,
  PingSchema,
  PaymentSchema,
  QrOrderSchema,
  RefundSchema,
  ROUTES,
  SaleReceiptSchema,
  SettlementSchema,
  type AuthorizeRequest,
  type CardKey,
  type GatewayErrorCode,
  type MicropayRequest,
  type Payment,
  type Ping,
  type QrOrder,
  type Refund,
  type SaleUpload,
  type Settlement,
} from './protocol/schemas';
import { checkCardKey, type CardKeyPolicy, type CardKeyTrust } from './card-key-pin';
import { HEADERS, signRequest, verifyResponse, type TerminalCredentials } from './protocol/signing';
import type { TlsPin } from './tls-pin';
import { createTransport } from './transport';

export type RouteName = keyof typeof ROUTES;

export type Outcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | {
      readonly kind: 'rejected';
      readonly status: number;
      readonly code: GatewayErrorCode;
      readonly message: string;
    }
  | { readonly kind: 'unreachable'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/** The card key, or the gateway's answer refused by the pin (never to be cached or used). */
export type CardKeyOutcome =
  | Outcome<CardKey>
  | {
      readonly kind: 'untrusted';
      /** what the gateway offered, to show (never to use) */
      readonly key: CardKey;
      readonly reason: 'mismatch' | 'unpinned';
      readonly message: string;
    };

export interface GatewayClientOptions {
  /** e.g. https://gateway.example:8443 (no trailing slash); http:// only to loopback (the training sandbox) */
  readonly baseUrl: string;
  /** the pinned certificate: required for https:// */
  readonly tls?: TlsPin | undefined;
  /** which card-encryption key to trust; default: any (training) */
  readonly cardKeyPolicy?: CardKeyPolicy | undefined;
  readonly credentials: TerminalCredentials;
  readonly now: () => Date;
  /** whole-call limit; a money-moving call that runs out is UNKNOWN. Default 15 s. */
  readonly timeoutMs?: number;
  /** no connection within this: UNREACHABLE (nothing was sent). Default 3 s. */
  readonly connectTimeoutMs?: number;
  /** concurrent sockets kept alive for the sync worker's bounded concurrency. Default 8. */
  readonly maxSockets?: number;
}

export interface GatewayClient {
  authorize(body: AuthorizeRequest, idempotencyKey: string): Promise<Outcome<Payment>>;
  /** null: the gateway has no payment with this reference (it was never done). */
  lookupPayment(reference: string): Promise<Outcome<Payment | null>>;
  capture(paymentId: string, amountMinor: number, idempotencyKey: string): Promise<Outcome<Payment>>;
  void(paymentId: string, reason: string, idempotencyKey: string): Promise<Outcome<Payment>>;
  refund(
    paymentId: string,
    body: { reference: string; amountMinor: number; reason: string },
    idempotencyKey: string,
  ): Promise<Outcome<Refund>>;
  /** A refund of a paid QR order, named by the ORDER's reference; `body.reference` is the refund's own. */
  refundQr(
    orderReference: string,
    body: { reference: string; amountMinor: number; reason: string },
    idempotencyKey: string,
  ): Promise<Outcome<Refund>>;
  /** A card or QR refund by its reference; null: the gateway never saw it (it was never done). */
  lookupRefund(reference: string): Promise<Outcome<Refund | null>>;
  micropay(body: MicropayRequest, idempotencyKey: string): Promise<Outcome<QrOrder>>;
  queryQr(reference: string): Promise<Outcome<QrOrder | null>>;
  reverseQr(reference: string, idempotencyKey: string): Promise<Outcome<QrOrder>>;
  uploadSale(
    body: SaleUpload,
    idempotencyKey: string,
  ): Promise<Outcome<{ saleId: string; receivedAt: string }>>;
  heartbeat(body: {
    appVersion: string;
    pendingCount: number;
    pendingMinor: number;
    oldestPendingAt: string | null;
  }): Promise<Outcome<{ serverTime: string; terminalStatus: 'active' | 'suspended' }>>;
  /** the gateway's card key; one the pin does not trust is `untrusted` */
  cardKey(): Promise<CardKeyOutcome>;
  /** whether a key (e.g. one cached earlier) is trusted under this client's policy */
  trustsCardKey(key: CardKey): CardKeyTrust;
  /** the signed no-op: the gateway's time (test-connection.ts) */
  ping(): Promise<Outcome<Ping>>;
  settlement(businessDate: string): Promise<Outcome<Settlement>>;
  close(): void;
}

interface Call {
  readonly route: RouteName;
  readonly params?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
}

function fillPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}

export function createGatewayClient(opts: GatewayClientOptions): GatewayClient {
  const transport = createTransport({
    baseUrl: new URL(opts.baseUrl),
    tls: opts.tls,
    timeoutMs: opts.timeoutMs ?? 15_000,
    connectTimeoutMs: opts.connectTimeoutMs ?? 3_000,
    maxSockets: opts.maxSockets ?? 8,
  });
  const keyPolicy: CardKeyPolicy = opts.cardKeyPolicy ?? { pin: null, requirePin: false };

  /** Sends one signed request; an answer not signed for THIS request proves nothing: unknown. */
  async function exchange(
    method: string,
    path: string,
    body: string,
    key: string | undefined,
    fresh = false,
  ) {
    const headers = signRequest(opts.credentials, {
      method,
      path,
      body,
      idempotencyKey: key,
      now: opts.now(),
    });
    const raw = await transport.send(method, path, body, headers, fresh);
    if (raw.kind !== 'answer') return raw;
    const { status, body: bytes, headers: answerHeaders } = raw.answer;
    const nonce = headers[HEADERS.nonce] ?? '';
    const header = answerHeaders[HEADERS.responseSignature];
    if (!verifyResponse(opts.credentials.secret, { method, path, nonce, status, body: bytes, header })) {
      return {
        kind: 'unknown' as const,
        reason: `HTTP ${status} without a valid ${HEADERS.responseSignature} for this request (altered, unsigned or replayed)`,
      };
    }
    return raw;
  }

  async function call<T>(c: Call, schema: z.ZodType<T>, notFoundIsNull: boolean): Promise<Outcome<T>> {
    const route = ROUTES[c.route];
    const path = fillPath(route.path, c.params);
    const body = c.body === undefined ? '' : JSON.stringify(c.body);
    if (route.moneyMoving && !c.idempotencyKey) throw new Error(`${c.route} needs an idempotency key`);
    let raw = await exchange(route.method, path, body, c.idempotencyKey);
    // Node's advice for a reset on a reused keep-alive socket is to retry; the request carries its
    // idempotency key (and a fresh signature), so the retry is answered once whatever the first one did.
    if (raw.kind === 'unknown' && 'staleSocket' in raw && raw.staleSocket === true) {
      const retry = await exchange(route.method, path, body, c.idempotencyKey, true);
      // The first request went out and may have reached the gateway (and moved money) before its socket
      // died: a retry that cannot connect proves nothing, so only an answer may replace "unknown".
      raw =
        retry.kind === 'unreachable'
          ? { kind: 'unknown', reason: `${raw.reason}; retry: ${retry.reason}` }
          : retry;
    }
    if (raw.kind === 'unreachable') return raw;
    if (raw.kind === 'unknown') return { kind: 'unknown', reason: raw.reason };
    const { status } = raw.answer;
    const text = raw.answer.body.toString('utf8');
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (status >= 200 && status < 300) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { kind: 'ok', value: parsed.data };
      return { kind: 'unknown', reason: `HTTP ${status} with a body that does not match the protocol` };
    }
    const error = GatewayErrorSchema.safeParse(json);
    if (status === 404 && notFoundIsNull && error.success && error.data.error.code === 'not_found') {
      return { kind: 'ok', value: null as T };
    }
    // A conflict means the key was used before with another body: something was done under it.
    if (status >= 400 && status < 500 && status !== 409 && error.success) {
      return { kind: 'rejected', status, code: error.data.error.code, message: error.data.error.message };
    }
    return { kind: 'unknown', reason: `HTTP ${status}${error.success ? ` ${error.data.error.code}` : ''}` };
  }

  return {
    authorize: (body, key) => call({ route: 'authorize', body, idempotencyKey: key }, PaymentSchema, false),
    lookupPayment: (reference) =>
      call({ route: 'lookupPayment', params: { reference } }, PaymentSchema.nullable(), true),
    capture: (paymentId, amountMinor, key) =>
      call(
        { route: 'capture', params: { paymentId }, body: { amountMinor }, idempotencyKey: key },
        PaymentSchema,
        false,
      ),
    void: (paymentId, reason, key) =>
      call(
        { route: 'void', params: { paymentId }, body: { reason }, idempotencyKey: key },
        PaymentSchema,
        false,
      ),
    refund: (paymentId, body, key) =>
      call({ route: 'refund', params: { paymentId }, body, idempotencyKey: key }, RefundSchema, false),
    refundQr: (orderReference, body, key) =>
      call(
        { route: 'refundQr', params: { reference: orderReference }, body, idempotencyKey: key },
        RefundSchema,
        false,
      ),
    lookupRefund: (reference) =>
      call({ route: 'lookupRefund', params: { reference } }, RefundSchema.nullable(), true),
    micropay: (body, key) => call({ route: 'micropay', body, idempotencyKey: key }, QrOrderSchema, false),
    queryQr: (reference) => call({ route: 'queryQr', params: { reference } }, QrOrderSchema.nullable(), true),
    reverseQr: (reference, key) =>
      call(
        { route: 'reverseQr', params: { reference }, body: {}, idempotencyKey: key },
        QrOrderSchema,
        false,
      ),
    uploadSale: (body, key) =>
      call({ route: 'uploadSale', body, idempotencyKey: key }, SaleReceiptSchema, false),
    heartbeat: (body) => call({ route: 'heartbeat', body }, HeartbeatSchema, false),
    async cardKey() {
      const r = await call({ route: 'cardKey' }, CardKeySchema, false);
      if (r.kind !== 'ok') return r;
      const trust = checkCardKey(r.value, keyPolicy);
      if (trust.trusted) return r;
      return { kind: 'untrusted', key: r.value, reason: trust.reason, message: trust.message };
    },
    trustsCardKey: (key) => checkCardKey(key, keyPolicy),
    ping: () => call({ route: 'ping' }, PingSchema, false),
    settlement: (businessDate) =>
      call({ route: 'settlement', params: { businessDate } }, SettlementSchema, false),
    close: () => transport.close(),
  };
}
