// Generates docs/gateway-openapi.yaml (OpenAPI 3.1) from the protocol's zod schemas and ROUTES, so the
// document cannot drift from the code: `node --import tsx main/gateway/sandbox/openapi.ts > docs/gateway-openapi.yaml`
// (test/main/gateway/sandbox/openapi.test.ts fails when the committed file is stale). Written by yaml-emit.ts,
// then formatted with the repo's Prettier settings so `prettier --check .` agrees with the generator.
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { z } from 'zod';
import * as P from '../protocol/schemas';
import { HEADERS, MAX_CLOCK_SKEW_MS, RESPONSE_SIGNATURE_SCHEME, SIGNATURE_SCHEME } from '../protocol/signing';
import { STATUS_OF } from './errors';
import { BODY_LIMIT_BYTES } from './http-io';
import { IDEMPOTENCY_RETENTION_MS } from './idempotency';
import type { RouteName } from './router';
import { toYaml, type YamlValue } from './yaml-emit';

type Json = Record<string, unknown>;

/** Component schemas, by name. Registering nested ones makes the generator emit $refs to them. */
const COMPONENTS: Record<string, z.ZodType> = {
  Reference: P.ReferenceSchema,
  Brand: P.BrandSchema,
  EntryMode: P.EntryModeSchema,
  CardFacts: P.CardFactsSchema,
  DukptCardData: P.DukptCardDataSchema,
  EnvelopeCardData: P.EnvelopeCardDataSchema,
  CardData: P.CardDataSchema,
  AuthorizeRequest: P.AuthorizeRequestSchema,
  Payment: P.PaymentSchema,
  CaptureRequest: P.CaptureRequestSchema,
  VoidRequest: P.VoidRequestSchema,
  RefundRequest: P.RefundRequestSchema,
  Refund: P.RefundSchema,
  QrScheme: P.QrSchemeSchema,
  MicropayRequest: P.MicropayRequestSchema,
  QrOrder: P.QrOrderSchema,
  Settlement: P.SettlementSchema,
  SaleUpload: P.SaleUploadSchema,
  SaleReceipt: P.SaleReceiptSchema,
  HeartbeatRequest: P.HeartbeatRequestSchema,
  Heartbeat: P.HeartbeatSchema,
  Ping: P.PingSchema,
  CardKey: P.CardKeySchema,
  GatewayError: P.GatewayErrorSchema,
};

type ErrorCode = P.GatewayErrorCode;

interface RouteDoc {
  readonly summary: string;
  readonly description?: string;
  readonly request: string | null;
  readonly response: string;
  readonly errors: readonly ErrorCode[];
}

/** One entry per route: a route added to ROUTES without documentation is a compile error. */
const ROUTE_DOCS: Record<RouteName, RouteDoc> = {
  authorize: {
    summary: 'Authorize a card payment (capture: true = a sale)',
    description:
      'Declines are answers (200, status declined/referral), not errors. The card arrives encrypted ' +
      '(DUKPT or an envelope sealed to the card key with the reference as context); the gateway keeps brand, BIN ' +
      'and last four only. A stored-offline forward after its deadline is refused with deadline_passed.',
    request: 'AuthorizeRequest',
    response: 'Payment',
    errors: ['card_unreadable', 'deadline_passed', 'online_only'],
  },
  capture: {
    summary: 'Capture an approved authorization (amount ≤ authorized)',
    request: 'CaptureRequest',
    response: 'Payment',
    errors: ['not_found'],
  },
  void: {
    summary: 'Void an approved payment without refunds',
    request: 'VoidRequest',
    response: 'Payment',
    errors: ['not_found'],
  },
  refund: {
    summary: 'Refund (part of) a captured payment',
    description: 'A refund that cannot be made is answered with status failed and the reason in message.',
    request: 'RefundRequest',
    response: 'Refund',
    errors: ['not_found'],
  },
  lookupPayment: {
    summary: 'Find a payment by the client reference (how an unknown outcome is resolved)',
    request: null,
    response: 'Payment',
    errors: ['not_found'],
  },
  lookupRefund: {
    summary: 'Find a card or QR refund by its client reference (how an unknown refund outcome is resolved)',
    request: null,
    response: 'Refund',
    errors: ['not_found'],
  },
  micropay: {
    summary: 'Charge a customer-presented QR payment code',
    description:
      'status user_paying means the customer must confirm on the phone: poll queryQr, then reverse.',
    request: 'MicropayRequest',
    response: 'QrOrder',
    errors: [],
  },
  queryQr: {
    summary: 'Query a QR order by reference',
    request: null,
    response: 'QrOrder',
    errors: ['not_found'],
  },
  reverseQr: {
    summary: 'Close an unpaid QR order or reverse a paid one (idempotent in effect)',
    description:
      'The body is empty or {}. A paid order with refunds cannot be reversed (invalid_request). A reverse ' +
      'that finds no order answers not_found and closes the reference: a micropay that arrives later under ' +
      'it is refused (idempotency_conflict) instead of charging.',
    request: null,
    response: 'QrOrder',
    errors: ['not_found'],
  },
  refundQr: {
    summary: 'Refund (part of) a paid QR order, named by the order reference',
    description:
      'The body reference is the refund’s own (unique per terminal among card and QR refunds); paymentId in ' +
      'the answer is the order’s orderId. Only a success order can be refunded, up to what is left; a refund ' +
      'that cannot be made is answered with status failed and the reason in message.',
    request: 'RefundRequest',
    response: 'Refund',
    errors: ['not_found'],
  },
  settlement: {
    summary: "The calling terminal's settlement for one business day",
    request: null,
    response: 'Settlement',
    errors: [],
  },
  heartbeat: {
    summary: "Report the terminal's pending (stored-offline) payments; returns the server time",
    request: 'HeartbeatRequest',
    response: 'Heartbeat',
    errors: [],
  },
  uploadSale: {
    summary: 'Upload a completed sale for reconciliation (idempotent by saleId as well)',
    request: 'SaleUpload',
    response: 'SaleReceipt',
    errors: [],
  },
  cardKey: {
    summary: "The gateway's card-encryption public key (RSA-2048, SPKI PEM) and its kid",
    request: null,
    response: 'CardKey',
    errors: [],
  },
  ping: {
    summary: "A signed no-op: the gateway's clock (the till's connection test measures round trip and skew)",
    request: null,
    response: 'Ping',
    errors: [],
  },
};

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

function componentSchemas(): Json {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: 'input' });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _schema, $id: _id, ...rest } = s as Json;
      return [id, rest];
    }),
  );
}

const SIGNING = `Every /v1 request is signed with the terminal's shared secret (at least 32 bytes).

Headers (names are case-insensitive): \`${HEADERS.terminal}\`, \`${HEADERS.timestamp}\` (ISO 8601 UTC with milliseconds,
e.g. 2026-03-10T09:00:00.000Z), \`${HEADERS.nonce}\` (16-64 characters of A-Z a-z 0-9 _ -, fresh per request),
\`${HEADERS.bodyHash}\` (lower-case hex SHA-256 of the exact body bytes; of the empty string when there is no body),
\`${HEADERS.idempotencyKey}\` (money-moving routes) and
\`${HEADERS.authorization}: ${SIGNATURE_SCHEME} Signature=<lower-case hex HMAC-SHA256(secret, canonical)>\`.

The canonical text is these eight lines joined by a single LF (no trailing LF):

    ${SIGNATURE_SCHEME}
    <METHOD, upper case>
    <path and query exactly as sent, e.g. /v1/payments?reference=abc>
    <x-timestamp>
    <x-nonce>
    <x-content-sha256>
    <x-terminal-id>
    <Idempotency-Key, or the empty string>

The gateway checks, in this order: all headers present and the terminal known (unauthenticated); the body hash
(unauthenticated); the signature (unauthenticated); the timestamp within ±${MAX_CLOCK_SKEW_MS / 60_000} minutes of
its clock (stale_timestamp); the nonce format (invalid_request); the nonce unseen for this terminal
(replayed_nonce; nonces are remembered for twice the window, across restarts).

Idempotency: money-moving routes require Idempotency-Key (1-255 visible ASCII characters; else
idempotency_key_required). Keys are scoped to the terminal and kept at least
${IDEMPOTENCY_RETENTION_MS / 86_400_000} days. The same key with the same method, path and body replays the first
response byte for byte (header \`idempotent-replayed: true\`) without executing again; with a different request it
is idempotency_conflict (409). A request refused before execution (signature, validation) stores nothing. The
ledger change and the stored response commit in one transaction. Retrying after a timeout or a dropped
connection with the same key is always safe; a retry with a NEW key is a new payment.

Every answer (2xx and errors alike) to a request from a known terminal is signed with the same secret:
\`${HEADERS.responseSignature}: ${RESPONSE_SIGNATURE_SCHEME} Signature=<lower-case hex HMAC-SHA256(secret, canonical)>\`
over these six lines joined by a single LF (no trailing LF):

    ${RESPONSE_SIGNATURE_SCHEME}
    <the REQUEST's METHOD, upper case>
    <the REQUEST's path and query exactly as sent>
    <the REQUEST's x-nonce>
    <the HTTP status code, e.g. 200>
    <lower-case hex SHA-256 of the exact answer body bytes>

A replayed idempotent answer is signed afresh for the retry's nonce. The client checks the signature before it
reads the status or the body: an answer that is unsigned, altered, or signed for another request (another
nonce) proves nothing, and the request's outcome is unknown (looked up by reference, never assumed).

Transport: HTTPS, the client trusting only the gateway certificate (or CA) pinned in its configuration; plain
HTTP only to a sandbox gateway on the same machine.`;

function errorResponse(description: string, codes: readonly string[]): Json {
  return {
    description: `${description} (code: ${codes.join(', ')})`,
    content: { 'application/json': { schema: ref('GatewayError') } },
  };
}

function responsesFor(name: RouteName, doc: RouteDoc): Json {
  const { moneyMoving } = P.ROUTES[name];
  const byStatus = new Map<number, string[]>();
  const add = (code: ErrorCode, status = STATUS_OF[code]): void => {
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  };
  add('invalid_request');
  if (moneyMoving) add('idempotency_key_required');
  add('unauthenticated');
  add('stale_timestamp');
  add('replayed_nonce');
  if (moneyMoving) add('terminal_suspended');
  if (moneyMoving) add('idempotency_conflict');
  for (const code of doc.errors) add(code);
  add('internal');
  const responses: Json = {
    '200': { description: doc.response, content: { 'application/json': { schema: ref(doc.response) } } },
  };
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    responses[String(status)] = errorResponse(`error ${status}`, codes);
  }
  responses['413'] = errorResponse(`body over ${BODY_LIMIT_BYTES} bytes`, ['invalid_request']);
  return responses;
}

function operation(name: RouteName, doc: RouteDoc): { path: string; method: string; op: Json } {
  const route = P.ROUTES[name];
  const [pathPart = '', query] = route.path.split('?');
  const parameters: Json[] = [];
  for (const m of pathPart.matchAll(/\{([A-Za-z]+)\}/g)) {
    const param = m[1] ?? '';
    parameters.push({ name: param, in: 'path', required: true, schema: paramSchema(param) });
  }
  for (const q of (query ?? '').split('&').filter((x) => x !== '')) {
    const [key = ''] = q.split('=');
    parameters.push({ name: key, in: 'query', required: true, schema: paramSchema(key) });
  }
  if (route.moneyMoving) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description: 'Generated and persisted by the client before the first attempt; reused on every retry.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  const op: Json = {
    operationId: name,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    ...(route.moneyMoving ? { 'x-money-moving': true } : {}),
    parameters,
    ...(doc.request
      ? { requestBody: { required: true, content: { 'application/json': { schema: ref(doc.request) } } } }
      : {}),
    responses: responsesFor(name, doc),
  };
  return { path: pathPart, method: route.method.toLowerCase(), op };
}

function paramSchema(name: string): Json {
  if (name === 'reference') return ref('Reference');
  if (name === 'businessDate') return { type: 'string', format: 'date' };
  return { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' };
}

export function buildOpenApi(): Json {
  const paths: Record<string, Json> = {};
  for (const name of Object.keys(P.ROUTES) as RouteName[]) {
    const { path, method, op } = operation(name, ROUTE_DOCS[name]);
    paths[path] = { ...paths[path], [method]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CounterPOS payment gateway protocol',
      version: P.API_VERSION,
      description:
        'The wire protocol between the CounterPOS gateway client and a payment gateway (implemented by the sandbox ' +
        'gateway, main/gateway/sandbox). All money is integer minor units. No body ever carries a clear card number ' +
        'or track. Generated from main/gateway/protocol by main/gateway/sandbox/openapi.ts: do not edit by hand.',
    },
    servers: [{ url: 'https://127.0.0.1:{port}', variables: { port: { default: '8787' } } }],
    security: [{ cposHmac: [] }],
    paths,
    components: {
      securitySchemes: {
        cposHmac: { type: 'apiKey', in: 'header', name: 'Authorization', description: SIGNING },
      },
      schemas: componentSchemas(),
    },
  };
}

const HEADER =
  '# Generated by main/gateway/sandbox/openapi.ts from main/gateway/protocol; do not edit by hand.\n';

export async function renderOpenApi(): Promise<string> {
  const text = HEADER + toYaml(buildOpenApi() as YamlValue);
  const options =
    (await prettier.resolveConfig(new URL('../../docs/gateway-openapi.yaml', import.meta.url))) ?? {};
  return prettier.format(text, { ...options, parser: 'yaml' });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await renderOpenApi());
}
