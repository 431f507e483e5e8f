// The sandbox payment gateway: a real HTTP server speaking the protocol in main/gateway/protocol, with its
// own durable ledger, so the POS's payment code (signing, idempotency, unknown outcomes, offline forwarding,
// QR polling, reconciliation) can be exercised end to end, including the failures injected by faults.ts.
//
// One request: read the body (64 KiB) -> match the route -> faults that strike before execution -> verify
// the signature -> Idempotency-Key -> validate -> execute + record the idempotent answer in ONE transaction
// -> faults that strike after the commit -> answer, signed with the terminal's secret (answers.ts). Over TLS
// when given a certificate (`npm run gateway -- --tls`, tls.ts).
import type { Logger } from '../../../native/log/logger';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROUTES, type CardKey } from '../protocol/schemas';
import { MAX_CLOCK_SKEW_MS, verifyRequest } from '../protocol/signing';
import { AdminFile, handleAdmin, parseJson } from './admin';
import { answersFor, routeOf, type Answers, type SentAnswer } from './answers';
import { createCardDecryptor, type CardDecryptor } from './card-decryptor';
import type { GatewayConfig } from './context';
import { GatewayFailure } from './errors';
import { FaultTable, type FaultRule } from './faults';
import { HANDLERS } from './handlers';
import { BODY_LIMIT_BYTES, readBody, sendFile, sendJson } from './http-io';
import { executeOnce, fingerprintOf, IDEMPOTENCY_RETENTION_MS, type WireResponse } from './idempotency';
import { loadOrCreateCardKey } from './keys';
import { Ledger } from './ledger';
import { DEFAULT_QR_TIMING, type QrTiming } from './qr-rules';
import { matchRoute, type RouteName } from './router';

export interface SandboxTerminal {
  readonly terminalId: string;
  /** at least 32 bytes */
  readonly secret: Uint8Array;
  /** a suspended terminal may still send heartbeats but moves no money (403 terminal_suspended) */
  readonly suspended?: boolean;
}

export interface SandboxGatewayOptions {
  /** default 127.0.0.1 */
  readonly host?: string;
  /** 0 (default) = any free port */
  readonly port?: number;
  /** where the ledger and the card key pair live; null = in memory, gone on close */
  readonly dataDir: string | null;
  readonly terminals: readonly SandboxTerminal[];
  readonly now?: () => Date;
  /** enables /admin/*; absent = /admin answers 404 */
  readonly adminToken?: string;
  /** hex BDKs; default the public test BDKs (ANSI X9.24 examples) */
  readonly bdks?: { readonly tdes: string; readonly aes128: string };
  readonly qrTiming?: Partial<QrTiming>;
  /** the merchant account's currency (default USD); other currencies are refused */
  readonly currency?: string;
  /** IANA zone whose date is the business date (default UTC) */
  readonly businessTimeZone?: string;
  /** a PKCS#8 PEM to use instead of generating/loading one (tests share one to save RSA key generation) */
  readonly cardPrivateKeyPem?: string;
  /** replaces the DUKPT/envelope decryptor (tests of the rules without crypto) */
  readonly cardDecryptor?: CardDecryptor;
  readonly log?: Logger;
  /** serve HTTPS with this certificate and key (PEM); absent: plain HTTP (loopback training only) */
  readonly tls?: { readonly certPem: string; readonly keyPem: string };
}

/** Read-only ledger queries for tests and tools. */
export type LedgerReader = Pick<
  Ledger,
  | 'payments'
  | 'refunds'
  | 'qrOrders'
  | 'sales'
  | 'counts'
  | 'paymentByReference'
  | 'qrOrderByReference'
  | 'heartbeat'
>;

export interface SandboxGateway {
  /** e.g. http://127.0.0.1:41234, or https:// when serving TLS (no trailing slash) */
  readonly url: string;
  readonly port: number;
  readonly cardKey: CardKey;
  readonly ledger: LedgerReader;
  setFaults(rules: readonly FaultRule[]): void;
  clearFaults(): void;
  close(): Promise<void>;
}

/** The public X9.24 test BDKs (/work/shared/vectors/dukpt-public.json); never a real key. */
export const PUBLIC_TEST_BDKS = {
  tdes: '0123456789ABCDEFFEDCBA9876543210',
  aes128: 'FEDCBA9876543210F1F1F1F1F1F1F1F1',
} as const;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const PRUNE_EVERY_MS = 60 * 60_000;

export async function startSandboxGateway(opts: SandboxGatewayOptions): Promise<SandboxGateway> {
  const now = opts.now ?? (() => new Date());
  const log: Logger = opts.log ?? (() => undefined);
  const terminals = new Map<string, SandboxTerminal>();
  for (const t of opts.terminals) {
    if (t.secret.length < 32)
      throw new Error(`terminal ${t.terminalId}: the secret must be at least 32 bytes`);
    terminals.set(t.terminalId, t);
  }
  const keyPair = loadOrCreateCardKey(opts.dataDir, opts.cardPrivateKeyPem);
  const ledger = Ledger.open(opts.dataDir);
  const config: GatewayConfig = {
    decryptCard:
      opts.cardDecryptor ??
      createCardDecryptor({ bdks: opts.bdks ?? PUBLIC_TEST_BDKS, privateKeyPem: keyPair.privateKeyPem }),
    cardKey: keyPair.cardKey,
    qrTiming: { ...DEFAULT_QR_TIMING, ...opts.qrTiming },
    currency: opts.currency ?? 'USD',
    businessTimeZone: opts.businessTimeZone ?? 'UTC',
    isSuspended: (id) => terminals.get(id)?.suspended === true,
  };
  const faults = new FaultTable();
  const requestCounts = new Map<string, number>();
  let lastPruneMs = Number.NEGATIVE_INFINITY;
  const sockets = new Set<Socket>();
  const lastAnswers = new Map<RouteName, SentAnswer>();
  const secretFor = (id: string): Uint8Array | undefined => terminals.get(id)?.secret;

  function prune(nowMs: number): void {
    // Nonces older than twice the clock window can never be accepted again (their timestamp is stale).
    ledger.pruneNonces(nowMs - 2 * MAX_CLOCK_SKEW_MS);
    if (nowMs - lastPruneMs < PRUNE_EVERY_MS) return;
    ledger.pruneIdempotency(nowMs - IDEMPOTENCY_RETENTION_MS);
    lastPruneMs = nowMs;
  }

  const stats = (): Record<string, unknown> => ({
    requests: {
      total: [...requestCounts.values()].reduce((a, b) => a + b, 0),
      byRoute: Object.fromEntries(requestCounts),
    },
    ledger: ledger.counts(),
    faults: faults.list(),
  });

  async function handle(req: IncomingMessage, res: ServerResponse, answers: Answers): Promise<void> {
    const started = Date.now();
    const rawUrl = req.url ?? '/';
    const pathname = new URL(rawUrl, 'http://sandbox.invalid').pathname;
    const read = await readBody(req, BODY_LIMIT_BYTES);
    if (!read.ok) {
      const f = new GatewayFailure('invalid_request', `the body is over ${BODY_LIMIT_BYTES} bytes`, 413);
      answers.send(res, 413, JSON.stringify(f.toBody()), { connection: 'close' });
      return;
    }
    if (pathname.startsWith('/admin/')) {
      const adminDeps = { token: opts.adminToken, faults, ledger, config, now, stats };
      const answer = handleAdmin(adminDeps, req, new URL(rawUrl, 'http://sandbox.invalid'), read.body);
      if (answer instanceof AdminFile) sendFile(res, answer.file);
      else sendJson(res, 200, JSON.stringify(answer));
      return;
    }
    const method = req.method ?? 'GET';
    const match = matchRoute(method, rawUrl);
    requestCounts.set(match.name, (requestCounts.get(match.name) ?? 0) + 1);

    const plan = faults.planFor(match.name);
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    if (plan.fault === 'reset-before-commit') {
      log('info', 'fault: reset before commit', { route: match.name });
      req.socket.destroy();
      return;
    }
    if (plan.fault === 'status') {
      const f = new GatewayFailure('internal', `injected fault: ${plan.status}`, plan.status);
      answers.send(res, plan.status, JSON.stringify(f.toBody()));
      return;
    }

    const answer = execute(match.name, match.params, method, rawUrl, req, read.body);
    log('info', 'request', {
      route: match.name,
      status: answer.status,
      replayed: answer.replayed,
      ms: Date.now() - started,
    });
    const extra: Record<string, string> = answer.replayed ? { 'idempotent-replayed': 'true' } : {};
    switch (plan.fault) {
      case 'reset-after-commit':
        req.socket.destroy();
        return;
      case 'drop-response':
        return; // the socket stays open until the client gives up (or close())
      case 'slow-body':
        answers.send(res, answer.status, answer.body, extra, plan.ms);
        return;
      case 'tamper-body':
      case 'unsigned':
      case 'replay-answer':
        answers.sendFaulty(res, plan.fault, answer.status, answer.body);
        return;
      default:
        answers.send(res, answer.status, answer.body, extra);
    }
  }

  function execute(
    route: RouteName,
    params: Readonly<Record<string, string>>,
    method: string,
    rawUrl: string,
    req: IncomingMessage,
    body: Buffer,
  ): WireResponse {
    const at = now();
    prune(at.getTime());
    const verified = verifyRequest({
      method,
      path: rawUrl,
      body,
      headers: req.headers,
      now: at,
      secretFor: (id) => terminals.get(id)?.secret,
      rememberNonce: (id, nonce, ts) => ledger.rememberNonce(id, nonce, ts),
    });
    if (!verified.ok) {
      const status = verified.code === 'invalid_request' ? 400 : 401;
      throw new GatewayFailure(verified.code, verified.message, status);
    }
    const { moneyMoving } = ROUTES[route];
    if (moneyMoving && config.isSuspended(verified.terminalId)) {
      throw new GatewayFailure('terminal_suspended', `terminal ${verified.terminalId} is suspended`);
    }
    const key = moneyMoving ? verified.idempotencyKey : null;
    if (moneyMoving && key === null) {
      throw new GatewayFailure('idempotency_key_required', `${route} moves money: send an Idempotency-Key`);
    }
    if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
      throw new GatewayFailure('invalid_request', 'Idempotency-Key must be 1-255 visible ASCII characters');
    }
    const prepared = HANDLERS[route](parseJson(body), params);
    return executeOnce(
      ledger,
      {
        terminalId: verified.terminalId,
        key,
        fingerprint: fingerprintOf(method, rawUrl, body),
        route,
        nowMs: at.getTime(),
      },
      () => prepared.execute({ ledger, terminalId: verified.terminalId, now: at, config }),
    );
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const answers = answersFor(req, routeOf(req), secretFor, lastAnswers);
    handle(req, res, answers).catch((e: unknown) => {
      const failure =
        e instanceof GatewayFailure
          ? e
          : new GatewayFailure('internal', 'the sandbox gateway failed; see its log');
      if (!(e instanceof GatewayFailure)) {
        log('error', 'request failed', { error: e instanceof Error ? e.message : String(e) });
      }
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      answers.send(res, failure.status, JSON.stringify(failure.toBody()));
    });
  };
  const server = opts.tls
    ? https.createServer({ cert: opts.tls.certPem, key: opts.tls.keyPem }, listener)
    : http.createServer(listener);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    ledger.close();
    throw e;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `${opts.tls ? 'https' : 'http'}://${host}:${address.port}`;
  log('info', 'sandbox gateway listening', { url, ledger: opts.dataDir ?? 'memory' });

  let closing: Promise<void> | null = null;
  return {
    url,
    port: address.port,
    cardKey: keyPair.cardKey,
    ledger,
    setFaults: (rules) => faults.set(rules),
    clearFaults: () => faults.clear(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          ledger.close();
          resolve();
        });
        // Held (drop-response) and idle keep-alive sockets would keep close() waiting forever.
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}
