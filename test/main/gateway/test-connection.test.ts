// The settings screen's "test connection": a signed ping and the card key over the pinned TLS connection to a
// sandbox gateway (HTTPS, its own self-signed certificate, its clock 90 s ahead), and each way it can fail.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PosConfig } from '../../../main/config/config';
import { spkiSha256 } from '../../../main/gateway/card-key-pin';
import { startSandboxGateway, type SandboxGateway } from '../../../main/gateway/sandbox/server';
import { generateSandboxCertificate } from '../../../main/gateway/sandbox/tls';
import { testGatewayConnection } from '../../../main/gateway/test-connection';
import { cleanup, tempDir } from '../../support/temp-host';
import { pinFor, sandboxTls } from '../../support/tls-gateway';
import path from 'node:path';

const SECRET = Buffer.alloc(32, 5);
const AHEAD_MS = 90_000;
let gw: SandboxGateway;

beforeAll(async () => {
  gw = await startSandboxGateway({
    dataDir: null,
    terminals: [{ terminalId: 'T01', secret: SECRET }],
    tls: await sandboxTls(),
    now: () => new Date(Date.now() + AHEAD_MS),
  });
});
afterAll(async () => {
  await gw.close();
  cleanup();
});

async function till(
  gateway: Partial<NonNullable<PosConfig['gateway']>> = {},
  secret = SECRET,
): Promise<{ config: PosConfig; dataDir: string }> {
  const dataDir = tempDir();
  fs.writeFileSync(path.join(dataDir, 'terminal-secret'), secret.toString('hex'), { mode: 0o600 });
  const pin = await pinFor(dataDir);
  return {
    dataDir,
    config: {
      ...DEFAULT_CONFIG,
      trainingMode: false,
      gateway: { url: gw.url, terminalSecretFile: 'terminal-secret', ...pin, ...gateway },
    },
  };
}

const now = (): Date => new Date();

describe('testGatewayConnection', () => {
  it('answers the round trip, the clock skew and the card key the gateway offers', async () => {
    const { config, dataDir } = await till();
    const r = await testGatewayConnection(config, { dataDir, now });
    expect(r).toMatchObject({ ok: true, keyId: gw.cardKey.kid, keyMatchesPin: null });
    expect(r.error).toBeUndefined();
    expect(r.spkiSha256).toBe(spkiSha256(gw.cardKey.publicKeyPem));
    expect(r.spkiSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    expect(r.clockSkewMs).toBeGreaterThan(AHEAD_MS - 2_000);
    expect(r.clockSkewMs).toBeLessThan(AHEAD_MS + 2_000);
    expect(Date.parse(r.serverTime ?? '')).toBeGreaterThan(Date.now());
  });

  it('says whether the offered key is the pinned one', async () => {
    const right = { keyId: gw.cardKey.kid, spkiSha256: spkiSha256(gw.cardKey.publicKeyPem) ?? '' };
    const a = await till({ encryptionKey: right });
    expect((await testGatewayConnection(a.config, { dataDir: a.dataDir, now })).keyMatchesPin).toBe(true);
    const b = await till({ encryptionKey: { ...right, spkiSha256: 'ab'.repeat(32) } });
    const other = await testGatewayConnection(b.config, { dataDir: b.dataDir, now });
    expect(other).toMatchObject({ ok: true, keyMatchesPin: false, keyId: gw.cardKey.kid });
  });

  it('a gateway whose certificate is not the pinned one: unreachable, naming the pin', async () => {
    const { config, dataDir } = await till();
    fs.writeFileSync(path.join(dataDir, 'gateway-cert.pem'), (await generateSandboxCertificate()).certPem);
    const r = await testGatewayConnection(config, { dataDir, now });
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('unreachable');
    expect(r.error?.message).toContain(`pinned certificate ${path.join(dataDir, 'gateway-cert.pem')}`);
  });

  it("a secret that is not the gateway's: the answer cannot be verified", async () => {
    const { config, dataDir } = await till({}, Buffer.alloc(32, 6));
    expect((await testGatewayConnection(config, { dataDir, now })).error?.code).toBe('unverified');
  });

  it('settings that cannot be used, or none: said before anything is sent', async () => {
    const { config, dataDir } = await till({ serverCertFile: 'missing.pem' });
    const r = await testGatewayConnection(config, { dataDir, now });
    expect(r.error?.code).toBe('config');
    expect(r.error?.message).toContain(path.join(dataDir, 'missing.pem'));
    const none = await testGatewayConnection(DEFAULT_CONFIG, { dataDir, now });
    expect(none.error?.code).toBe('not-configured');
  });
});
