// Shared fixtures for the sandbox gateway tests: a controllable clock, one RSA key for every gateway (key
// generation is the slowest step), a signed fetch client, and real encrypted cards (DUKPT and envelope).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encryptTrackData, parseHex } from '../../../../native/card/dukpt/index';
import { sealCardData } from '../../../../main/gateway/envelope/index';
import {
  EnvelopeCardDataSchema,
  type AuthorizeRequest,
  type CardData,
  type CardKey,
  QrOrderSchema,
  type QrOrder,
} from '../../../../main/gateway/protocol/schemas';
import { signRequest, type TerminalCredentials } from '../../../../main/gateway/protocol/signing';
import { generatePrivateKeyPem } from '../../../../main/gateway/sandbox/keys';
import {
  PUBLIC_TEST_BDKS,
  startSandboxGateway,
  type SandboxGateway,
  type SandboxGatewayOptions,
} from '../../../../main/gateway/sandbox/server';

export const T01: TerminalCredentials = { terminalId: 'T01', secret: new Uint8Array(randomBytes(32)) };
export const T02: TerminalCredentials = { terminalId: 'T02', secret: new Uint8Array(randomBytes(32)) };

export const START = new Date('2026-03-10T09:00:00.000Z');

export class Clock {
  at = START.getTime();
  now = (): Date => new Date(this.at);
  advance(ms: number): void {
    this.at += ms;
  }
}

let sharedPem: string | null = null;
export const sharedKeyPem = (): string => (sharedPem ??= generatePrivateKeyPem());

export const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'gw-sandbox-'));

export interface Harness {
  readonly gw: SandboxGateway;
  readonly clock: Clock;
  call(method: string, pathAndQuery: string, body?: unknown, opts?: CallOptions): Promise<Reply>;
}

export interface CallOptions {
  readonly key?: string;
  readonly creds?: TerminalCredentials;
  /** send these bytes instead of JSON.stringify(body) */
  readonly raw?: string;
  /** sign at this time instead of the gateway's clock */
  readonly signAt?: Date;
  readonly nonce?: string;
  /** send these bytes instead of the signed ones (tampering tests) */
  readonly sendInstead?: string;
  /** change headers after signing (tampering tests) */
  readonly mutate?: (headers: Record<string, string>) => void;
  readonly timeoutMs?: number;
}

export interface Reply {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
  readonly headers: Headers;
}

export async function startHarness(over: Partial<SandboxGatewayOptions> = {}): Promise<Harness> {
  const clock = new Clock();
  const gw = await startSandboxGateway({
    dataDir: null,
    terminals: [T01, T02],
    now: clock.now,
    cardPrivateKeyPem: sharedKeyPem(),
    adminToken: 'admin-secret',
    ...over,
  });
  const call: Harness['call'] = async (method, pathAndQuery, body, opts = {}) => {
    const text = opts.raw ?? (body === undefined ? '' : JSON.stringify(body));
    const headers = signRequest(opts.creds ?? T01, {
      method,
      path: pathAndQuery,
      body: text,
      idempotencyKey: opts.key,
      now: opts.signAt ?? clock.now(),
      ...(opts.nonce !== undefined ? { nonce: opts.nonce } : {}),
    });
    if (text !== '') headers['content-type'] = 'application/json';
    opts.mutate?.(headers);
    const sent = opts.sendInstead ?? text;
    const res = await fetch(`${gw.url}${pathAndQuery}`, {
      method,
      headers,
      ...(sent !== '' ? { body: sent } : {}),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    });
    const replyText = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(replyText) as unknown;
    } catch {
      json = null;
    }
    return { status: res.status, text: replyText, json, headers: res.headers };
  };
  return { gw, clock, call };
}

// --- cards ------------------------------------------------------------------------------------------

export const track2 = (pan: string, expiry = '3012'): string => `;${pan}=${expiry}1011234567890?`;

const TDES_KSN = 'FFFF9876543210E00001';
const AES_KSN = '123456789012345600000001';

export function dukptCard(pan: string, expiry = '3012', scheme: 'tdes' | 'aes128' = 'tdes'): CardData {
  const ksn = scheme === 'tdes' ? TDES_KSN : AES_KSN;
  const data = encryptTrackData({
    bdk: parseHex('bdk', scheme === 'tdes' ? PUBLIC_TEST_BDKS.tdes : PUBLIC_TEST_BDKS.aes128),
    ksn: parseHex('ksn', ksn),
    variant: 'data',
    data: new Uint8Array(Buffer.from(track2(pan, expiry), 'latin1')),
  });
  return {
    kind: 'dukpt',
    scheme,
    variant: 'data',
    ksn,
    track2: Buffer.from(data).toString('hex').toUpperCase(),
  };
}

const protocolHasAadHash = 'aadHash' in EnvelopeCardDataSchema.shape.envelope.shape;

export function envelopeCard(cardKey: CardKey, reference: string, pan: string, expiry = '3012'): CardData {
  const sealed = sealCardData(
    new Uint8Array(Buffer.from(track2(pan, expiry))),
    cardKey.publicKeyPem,
    reference,
  );
  const { aadHash, ...rest } = sealed;
  // The protocol's envelope schema does not (yet) carry aadHash; send it only once it does.
  const envelope = protocolHasAadHash ? { ...rest, aadHash } : rest;
  return { kind: 'envelope', envelope } as CardData;
}

export const PAN = '4111111111111111';

let seq = 0;
export const ref = (prefix = 'ref'): string => `${prefix}-${process.pid}-${++seq}-abcdef`;

export function authorizeBody(p: {
  reference?: string;
  amountMinor?: number;
  capture?: boolean;
  pan?: string;
  expiry?: string;
  card?: CardData;
  storedOffline?: AuthorizeRequest['storedOffline'];
}): AuthorizeRequest {
  const pan = p.pan ?? PAN;
  return {
    reference: p.reference ?? ref('pay'),
    amountMinor: p.amountMinor ?? 1250,
    currency: 'USD',
    capture: p.capture ?? true,
    entryMode: 'swipe',
    card: p.card ?? dukptCard(pan, p.expiry),
    cardFacts: { brand: 'visa', bin: pan.slice(0, 6), last4: pan.slice(-4), expiry: p.expiry ?? '3012' },
    saleRef: 'R-0001',
    ...(p.storedOffline ? { storedOffline: p.storedOffline } : {}),
  };
}

export const idem = (): string => `idem-${randomBytes(8).toString('hex')}`;

/** A WeChat micropay of `amountMinor` (USD) on the harness; its amount picks the sandbox's answer. */
export const micropayOn = async (h: Harness, amountMinor: number): Promise<QrOrder> =>
  QrOrderSchema.parse(
    (
      await h.call(
        'POST',
        '/v1/qr/micropay',
        {
          reference: ref('qr'),
          amountMinor,
          currency: 'USD',
          scheme: 'wechat',
          authCode: '134567890123456789',
          subject: 'x',
        },
        { key: idem() },
      )
    ).json,
  );
