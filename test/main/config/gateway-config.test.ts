// The gateway block of config.json: https with a pinned certificate; plain http only for a training sandbox on
// this machine (a live till with http://, or http:// to another machine, does not start); the pins' formats.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig, type PosConfig } from '../../../main/config/config';
import {
  gatewayConfigProblem,
  GatewayConfigSchema,
  isSandboxGateway,
} from '../../../main/config/gateway-config';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function load(config: PosConfig): PosConfig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-gwcfg-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  return loadConfig(dir);
}

const HASH = 'ab'.repeat(32);
const live = (gateway: NonNullable<PosConfig['gateway']>): PosConfig => ({
  ...DEFAULT_CONFIG,
  trainingMode: false,
  gateway,
});

describe('gateway settings', () => {
  it('a live till with an https gateway and its pinned certificate starts; the pins are kept normalized', () => {
    const colons = HASH.toUpperCase().match(/../g)?.join(':') ?? '';
    const config = load(
      live({
        url: 'https://gateway.example:8443',
        terminalSecretFile: 'terminal-secret',
        serverCertFile: 'gateway-ca.pem',
        serverCertSha256: colons,
        encryptionKey: { keyId: 'kid-1', spkiSha256: HASH.toUpperCase() },
      }),
    );
    expect(config.gateway?.serverCertSha256).toBe(HASH);
    expect(config.gateway?.encryptionKey).toEqual({ keyId: 'kid-1', spkiSha256: HASH });
  });

  it('https without a pinned certificate is refused, naming the field', () => {
    expect(() =>
      load(live({ url: 'https://gateway.example', terminalSecretFile: 'terminal-secret' })),
    ).toThrow(/gateway\.serverCertFile: is required with an https:\/\/ gateway/);
  });

  it('a live till with plain http:// is refused, even on loopback', () => {
    expect(() => load(live({ url: 'http://127.0.0.1:8787', terminalSecretFile: 'terminal-secret' }))).toThrow(
      /plain http:\/\/, allowed only for a training sandbox on this machine/,
    );
  });

  it('plain http:// to another machine is refused in training too', () => {
    const gateway = { url: 'http://10.0.0.5:8787', terminalSecretFile: 'terminal-secret' };
    expect(() => load({ ...DEFAULT_CONFIG, gateway })).toThrow(/plain http:\/\/ to another machine/);
    expect(gatewayConfigProblem(gateway, true)).toMatch(/use https:\/\//);
  });

  it('plain http:// to loopback in training is accepted (a sandbox on this machine)', () => {
    for (const url of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787']) {
      expect(gatewayConfigProblem({ url, terminalSecretFile: 's' }, true)).toBeNull();
      expect(isSandboxGateway({ url })).toBe(true);
    }
    expect(isSandboxGateway({ url: 'https://127.0.0.1:8787' })).toBe(false);
    expect(isSandboxGateway({ url: 'http://10.0.0.5:8787' })).toBe(false);
  });

  it('pins that are not SHA-256 hex are refused', () => {
    const base = { url: 'https://g.example', terminalSecretFile: 's', serverCertFile: 'c.pem' };
    expect(GatewayConfigSchema.safeParse({ ...base, serverCertSha256: 'abc' }).success).toBe(false);
    expect(
      GatewayConfigSchema.safeParse({ ...base, encryptionKey: { keyId: 'k', spkiSha256: 'zz'.repeat(32) } })
        .success,
    ).toBe(false);
  });
});
