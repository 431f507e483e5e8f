// "Test connection" with typed (unsaved) secrets against a real sandbox gateway over pinned TLS.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/config/config';
import { startSandboxGateway, type SandboxGateway } from '../../../main/gateway/sandbox/server';
import { generateSandboxCertificate } from '../../../main/gateway/sandbox/tls';
import { probeGateway } from '../../../main/setup/gateway-probe';
import { sandboxTls } from '../../support/tls-gateway';
import { cleanup, tempDir } from '../../support/temp-host';

const SECRET = randomBytes(32);
let gateway: SandboxGateway | null = null;

afterEach(async () => {
  await gateway?.close();
  gateway = null;
  await cleanup();
});

async function startGateway(): Promise<SandboxGateway> {
  gateway = await startSandboxGateway({
    dataDir: tempDir('gw-'),
    port: 0,
    terminals: [{ terminalId: 'T01', secret: SECRET }],
    currency: 'CNY',
    tls: await sandboxTls(),
  });
  return gateway;
}

describe('probeGateway', () => {
  it('connects with the typed secret and pinned certificate: latency, skew and the card key; nothing left behind', async () => {
    const gw = await startGateway();
    const dir = tempDir();
    loadConfig(dir); // a till's config.json
    const r = await probeGateway(dir, () => new Date(), {
      url: gw.url,
      terminalSecret: SECRET.toString('hex'),
      serverCertPem: (await sandboxTls()).certPem,
    });
    expect(r.error).toBeNull();
    expect(r.ok).toBe(true);
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    expect(Math.abs(r.clockSkewMs ?? Infinity)).toBeLessThan(5_000);
    expect(r.key?.spkiSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]); // the scratch secrets are gone
  });

  it('fails clearly with another certificate pinned, and with the wrong secret', async () => {
    const gw = await startGateway();
    const dir = tempDir();
    loadConfig(dir);
    const other = await generateSandboxCertificate();
    const wrongPin = await probeGateway(dir, () => new Date(), {
      url: gw.url,
      terminalSecret: SECRET.toString('hex'),
      serverCertPem: other.certPem,
    });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    const wrongSecret = await probeGateway(dir, () => new Date(), {
      url: gw.url,
      terminalSecret: randomBytes(32).toString('hex'),
      serverCertPem: (await sandboxTls()).certPem,
    });
    expect(wrongSecret.ok).toBe(false);
    expect(wrongSecret.error?.code).toMatch(/refused|unverified/);
  });
});
