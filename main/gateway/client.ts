// The app's side of the gateway protocol (main/gateway/protocol). Every call is signed; money-moving calls
// carry the idempotency key the caller generated and PERSISTED before calling. The answer is classified by
// what it proves about the gateway's ledger, because that is what decides the next step:
//   ok          – the gateway answered with a valid body;
//   rejected    – a definite "not done" (4xx: bad request, bad signature, not found, ...);
//   unreachable – the request never left (no connection): safe to say "not done";
//   unknown     – it may have been done (timeout or reset after sending, 5xx, garbled answer): look it up by
//                 reference before anything else; never start a second attempt.
import http from 'node:http';
import type { z } from 'zod';
import {
  GatewayErrorSchema,
  HeartbeatSchema,
  CardKeySchema,
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
  type QrOrder,
  type Refund,
  type SaleUpload,
  type Settlement,
} from './protocol/schemas';
import { signRequest, type TerminalCredentials } from './protocol/signing';

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

export interface GatewayClientOptions {
  /** e.g. http://127.0.0.1:8443 (no trailing slash) */
  readonly baseUrl: string;
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
  cardKey(): Promise<Outcome<CardKey>>;
  settlement(businessDate: string): Promise<Outcome<Settlement>>;
  close(): void;
}

interface Call {
  readonly route: RouteName;
  readonly params?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
}

interface RawAnswer {
  readonly status: number;
  readonly text: string;
}

type RawOutcome =
  | { readonly kind: 'answer'; readonly answer: RawAnswer }
  | { readonly kind: 'unreachable'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string; readonly staleSocket?: boolean };

const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

function fillPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}

export function createGatewayClient(opts: GatewayClientOptions): GatewayClient {
  const base = new URL(opts.baseUrl);
  if (base.protocol !== 'http:') throw new Error(`gateway URL must be http:// here, got ${base.protocol}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 8 });
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const connectTimeoutMs = opts.connectTimeoutMs ?? 3_000;

  const send = (method: string, path: string, body: string, headers: Record<string, string>, fresh = false) =>
    new Promise<RawOutcome>((resolve) => {
      let settled = false;
      let sent = false;
      const done = (o: RawOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        resolve(o);
      };
      const req = http.request({
        // A retry after a stale kept-alive socket goes out on a new connection: the pool may hold more stale ones.
        agent: fresh ? false : agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: {
          ...headers,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      });
      let answered = false;
      const fail = (reason: string, timedOut = false): void =>
        done(
          sent
            ? // A kept-alive socket the server had already closed fails at once with nothing back on it; a
              // request that timed out was simply not answered in time, and is not retried.
              { kind: 'unknown', reason, staleSocket: req.reusedSocket && !answered && !timedOut }
            : { kind: 'unreachable', reason },
        );
      const total = setTimeout(() => {
        fail(`no answer within ${timeoutMs} ms`, true);
        req.destroy();
      }, timeoutMs);
      req.on('socket', (socket) => {
        // A reused keep-alive socket is already connected: the bytes go out at once.
        if (!socket.connecting) {
          sent = true;
          return;
        }
        const connectTimer = setTimeout(() => {
          fail(`no connection within ${connectTimeoutMs} ms`);
          req.destroy();
        }, connectTimeoutMs);
        socket.once('connect', () => {
          clearTimeout(connectTimer);
          sent = true;
        });
        socket.once('close', () => clearTimeout(connectTimer));
      });
      req.on('error', (e: NodeJS.ErrnoException) => fail(e.code ?? e.message));
      req.on('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_ANSWER_BYTES) {
            res.destroy();
            done({ kind: 'unknown', reason: 'answer too large' });
            return;
          }
          chunks.push(c);
        });
        res.on('end', () =>
          done({
            kind: 'answer',
            answer: { status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') },
          }),
        );
        res.on('error', (e: NodeJS.ErrnoException) => done({ kind: 'unknown', reason: e.code ?? e.message }));
        res.on('aborted', () => done({ kind: 'unknown', reason: 'answer cut off' }));
      });
      req.end(body);
    });

  async function call<T>(c: Call, schema: z.ZodType<T>, notFoundIsNull: boolean): Promise<Outcome<T>> {
    const route = ROUTES[c.route];
    const path = fillPath(route.path, c.params);
    const body = c.body === undefined ? '' : JSON.stringify(c.body);
    if (route.moneyMoving && !c.idempotencyKey) throw new Error(`${c.route} needs an idempotency key`);
    const headers = signRequest(opts.credentials, {
      method: route.method,
      path,
      body,
      idempotencyKey: c.idempotencyKey,
      now: opts.now(),
    });
    let raw = await send(route.method, path, body, headers);
    // Node's advice for a reset on a reused keep-alive socket is to retry; the request carries its
    // idempotency key (and a fresh signature), so the retry is answered once whatever the first one did.
    if (raw.kind === 'unknown' && raw.staleSocket === true) {
      const again = signRequest(opts.credentials, {
        method: route.method,
        path,
        body,
        idempotencyKey: c.idempotencyKey,
        now: opts.now(),
      });
      const retry = await send(route.method, path, body, again, true);
      // The first request went out and may have reached the gateway (and moved money) before its socket
      // died: a retry that cannot connect proves nothing, so only an answer may replace "unknown".
      raw =
        retry.kind === 'unreachable'
          ? { kind: 'unknown', reason: `${raw.reason}; retry: ${retry.reason}` }
          : retry;
    }
    if (raw.kind === 'unreachable') return raw;
    if (raw.kind === 'unknown') return { kind: 'unknown', reason: raw.reason };
    const { status, text } = raw.answer;
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
    cardKey: () => call({ route: 'cardKey' }, CardKeySchema, false),
    settlement: (businessDate) =>
      call({ route: 'settlement', params: { businessDate } }, SettlementSchema, false),
    close: () => agent.destroy(),
  };
}
