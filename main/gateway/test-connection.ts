// "Test connection" for the settings screen: with the gateway settings being edited (not yet saved), one
// signed ping and one card-key fetch over the pinned TLS connection. It shows the round trip, the clock skew
// (the gateway refuses requests more than 5 minutes off), and the card key's id and public-key hash: the
// manager compares them with the gateway's and pins them (gateway.encryptionKey) — until then a live till
// seals no card data to any key.
import type { PosConfig } from '../config/config';
import { PosFailure } from '../api/result';
import { spkiSha256 } from './card-key-pin';
import type { Outcome } from './client';
import { configuredClient } from './connection';

export type GatewayTestErrorCode =
  | 'not-configured' // no gateway block
  | 'config' // the secret or the pinned certificate cannot be used (the message names the file)
  | 'unreachable' // no connection, or TLS refused the gateway's certificate (the message names the pin)
  | 'refused' // the gateway answered no (wrong terminal, bad signature, clock too far off: see the message)
  | 'unverified'; // an answer not signed with this terminal's secret, or not in the protocol

export interface GatewayTestResult {
  readonly ok: boolean;
  /** round trip of the signed ping, ms */
  readonly latencyMs: number | null;
  /** the gateway's clock minus ours at the ping's midpoint, ms (positive: the gateway is ahead) */
  readonly clockSkewMs: number | null;
  readonly serverTime: string | null;
  /** the card-encryption key the gateway offers */
  readonly keyId: string | null;
  readonly spkiSha256: string | null;
  /** whether that key is the one pinned in the settings; null when none is pinned */
  readonly keyMatchesPin: boolean | null;
  readonly error?: { readonly code: GatewayTestErrorCode; readonly message: string };
}

export interface GatewayTestDeps {
  readonly dataDir: string;
  readonly now: () => Date;
  /** whole-call limit per request; default 10 s */
  readonly timeoutMs?: number;
}

const EMPTY = {
  latencyMs: null,
  clockSkewMs: null,
  serverTime: null,
  keyId: null,
  spkiSha256: null,
  keyMatchesPin: null,
} as const;

function failed(code: GatewayTestErrorCode, message: string, partial: Partial<GatewayTestResult> = {}) {
  return { ...EMPTY, ...partial, ok: false, error: { code, message } };
}

function outcomeError(o: Exclude<Outcome<unknown>, { kind: 'ok' }>): {
  code: GatewayTestErrorCode;
  message: string;
} {
  if (o.kind === 'unreachable') return { code: 'unreachable', message: o.reason };
  if (o.kind === 'rejected') return { code: 'refused', message: `${o.code}: ${o.message}` };
  return { code: 'unverified', message: `${o.reason} (is the terminal secret the gateway's?)` };
}

export async function testGatewayConnection(
  config: PosConfig,
  deps: GatewayTestDeps,
): Promise<GatewayTestResult> {
  if (!config.gateway) return failed('not-configured', 'No gateway is configured');
  let client;
  try {
    client = configuredClient({
      config,
      dataDir: deps.dataDir,
      now: deps.now,
      clientTimeoutMs: deps.timeoutMs ?? 10_000,
    });
  } catch (e) {
    return failed('config', e instanceof PosFailure || e instanceof Error ? e.message : String(e));
  }
  try {
    const sent = deps.now().getTime();
    const ping = await client.ping();
    const answered = deps.now().getTime();
    if (ping.kind !== 'ok') {
      const { code, message } = outcomeError(ping);
      return failed(code, message);
    }
    const timing = {
      latencyMs: answered - sent,
      clockSkewMs: Date.parse(ping.value.serverTime) - (sent + (answered - sent) / 2),
      serverTime: ping.value.serverTime,
    };
    const key = await client.cardKey();
    if (key.kind !== 'ok' && key.kind !== 'untrusted') {
      const { code, message } = outcomeError(key);
      return failed(code, `the card key: ${message}`, timing);
    }
    const offered = key.kind === 'ok' ? key.value : key.key;
    const pin = config.gateway.encryptionKey;
    const hash = spkiSha256(offered.publicKeyPem);
    return {
      ok: true,
      ...timing,
      keyId: offered.kid,
      spkiSha256: hash,
      keyMatchesPin: pin ? offered.kid === pin.keyId && hash === pin.spkiSha256 : null,
    };
  } finally {
    client.close();
  }
}
