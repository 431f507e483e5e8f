// The gateway this till talks to: the configured one (its terminal secret read from a file), or, in training
// mode, the embedded sandbox gateway started in this process. Neither: no client (card and QR are refused).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PosFailure } from '../api/result';
import type { PosConfig } from '../config/config';
import type { GatewayConfig } from '../config/gateway-config';
import { createGatewayClient, type GatewayClient } from './client';
import { parsePinnedCertificate, type TlsPin } from './tls-pin';

export interface GatewayConnectionOptions {
  readonly config: PosConfig;
  readonly dataDir: string;
  readonly now: () => Date;
  /** tests: a shorter client timeout */
  readonly clientTimeoutMs?: number | undefined;
}

export interface GatewayConnection {
  readonly client: GatewayClient | null;
  /** the embedded training gateway, when that is the one in use */
  readonly sandbox: { url: string; close(): Promise<void> } | null;
  readonly url: string | null;
  close(): Promise<void>;
}

/** The terminal secret: a file of 32+ random bytes (mode 0600), made on first use for the training sandbox. */
function terminalSecret(file: string, create: boolean): Uint8Array {
  if (!fs.existsSync(file)) {
    if (!create)
      throw new PosFailure('CONFIG_CORRUPT', `The gateway terminal secret file ${file} does not exist`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  assertPrivate(file);
  const text = fs.readFileSync(file, 'utf8').trim();
  const bytes = /^[0-9a-fA-F]{64,}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'utf8');
  if (bytes.length < 32)
    throw new PosFailure('CONFIG_CORRUPT', `The terminal secret in ${file} is shorter than 32 bytes`);
  return bytes;
}

/** A secret others can read is no secret: refused at start, naming the file and the fix (POSIX modes only). */
function assertPrivate(file: string): void {
  if (process.platform === 'win32') return; // ACLs, not modes: the user profile's folder keeps it private
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  throw new PosFailure(
    'CONFIG_CORRUPT',
    `The gateway terminal secret file ${file} can be read by other users (mode ${mode.toString(8).padStart(4, '0')}); ` +
      `make it private with: chmod 600 ${file}`,
    { file, mode: mode.toString(8) },
  );
}

/** The pinned certificate an https:// gateway is trusted by; none for http:// (loopback training only). */
function tlsPinFor(dataDir: string, gateway: GatewayConfig): TlsPin | undefined {
  if (!gateway.url.startsWith('https:')) return undefined;
  if (gateway.serverCertFile === undefined)
    throw new PosFailure('CONFIG_CORRUPT', 'An https:// gateway needs gateway.serverCertFile');
  const file = path.resolve(dataDir, gateway.serverCertFile);
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
    parsePinnedCertificate(pem, file);
  } catch (e) {
    throw new PosFailure(
      'CONFIG_CORRUPT',
      `The gateway's pinned certificate ${file} cannot be used: ${(e as Error).message}`,
      { file },
    );
  }
  return { caPem: pem, source: file, certSha256: gateway.serverCertSha256 };
}

/**
 * The client for config.json's gateway: its terminal secret, TLS pinned to gateway.serverCertFile, and the
 * card key trusted only when it matches gateway.encryptionKey (any key while training). Throws PosFailure
 * CONFIG_CORRUPT naming the file when the secret or the certificate cannot be used.
 */
export function configuredClient(o: GatewayConnectionOptions): GatewayClient {
  const { config } = o;
  const gateway = config.gateway;
  if (!gateway) throw new PosFailure('CONFIG_CORRUPT', 'No gateway is configured');
  const secretFile = path.resolve(o.dataDir, gateway.terminalSecretFile);
  return createGatewayClient({
    baseUrl: gateway.url.replace(/\/$/, ''),
    credentials: { terminalId: config.store.terminalId, secret: terminalSecret(secretFile, false) },
    tls: tlsPinFor(o.dataDir, gateway),
    cardKeyPolicy: { pin: gateway.encryptionKey ?? null, requirePin: !config.trainingMode },
    now: o.now,
    ...(o.clientTimeoutMs ? { timeoutMs: o.clientTimeoutMs } : {}),
  });
}

export async function connectGateway(o: GatewayConnectionOptions): Promise<GatewayConnection> {
  const { config } = o;
  const terminalId = config.store.terminalId;
  let sandbox: { url: string; close(): Promise<void> } | null = null;
  let client: GatewayClient | null = null;
  const clientOptions = {
    now: o.now,
    ...(o.clientTimeoutMs ? { timeoutMs: o.clientTimeoutMs } : {}),
  };
  if (config.gateway) {
    client = configuredClient(o);
  } else if (config.trainingMode) {
    // Training: the sandbox gateway runs in this process on loopback, so card and QR payments work with no account.
    const dir = path.join(o.dataDir, 'training-gateway');
    const secret = terminalSecret(path.join(dir, 'terminal-secret'), true);
    const { startSandboxGateway } = await import('./sandbox/server');
    const gw = await startSandboxGateway({
      dataDir: dir,
      terminals: [{ terminalId, secret }],
      currency: config.currency,
      // The sandbox acquirer's own zone, like a wallet's (China time), not the shop's store.timeZone: it is
      // what the training gateway dates its settlements and bill files in, as a real one keeps its own.
      businessTimeZone: 'Asia/Shanghai',
      log: () => undefined,
    });
    sandbox = gw;
    client = createGatewayClient({ baseUrl: gw.url, credentials: { terminalId, secret }, ...clientOptions });
  }
  return {
    client,
    sandbox,
    url: sandbox?.url ?? config.gateway?.url ?? null,
    async close() {
      client?.close();
      await sandbox?.close();
    },
  };
}
