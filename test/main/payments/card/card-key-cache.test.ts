// Issue 12 point 5: the card-encryption key pinned by id and public-key hash (config gateway.encryptionKey).
// A key the gateway hands over that is not the pinned one is never cached or used: a wedge swipe is refused
// with GATEWAY_KEY_UNTRUSTED and the status bar shows the gateway in `error` naming the key (the manager's
// alert). The pinned key is used; a key cached before the pin changed is not.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PosConfig } from '../../../../main/config/config';
import { spkiSha256 } from '../../../../main/gateway/card-key-pin';
import { startSandboxGateway, type SandboxGateway } from '../../../../main/gateway/sandbox/server';
import { createHost } from '../../../../main/host';
import type { Host } from '../../../../main/host-types';
import { trainingTracks } from '../../../../main/payments/card/training-cards';
import { call, cartOf, SECRET } from '../fixtures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function till(
  gateway: SandboxGateway,
  dataDir: string,
  encryptionKey: NonNullable<PosConfig['gateway']>['encryptionKey'],
): Promise<Host> {
  fs.writeFileSync(path.join(dataDir, 'terminal-secret'), SECRET.toString('hex'), { mode: 0o600 });
  const config: PosConfig = {
    ...DEFAULT_CONFIG,
    cardReader: { kind: 'keyboard-wedge' },
    gateway: { url: gateway.url, terminalSecretFile: 'terminal-secret', encryptionKey },
  };
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(config));
  const host = await createHost({ dataDir, log: () => undefined });
  cleanups.push(() => host.close());
  return host;
}

async function wedgeSwipe(host: Host) {
  const cart = await cartOf(host);
  const a = await call(host, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
  const { track1, track2 } = trainingTracks('visa');
  return host.dispatch('payment.wedgeSwipe', { attemptId: a.attemptId, tracks: `${track1}\n${track2}\n` });
}

function cachedKey(dataDir: string): string | undefined {
  const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
  try {
    const row = db.prepare(`SELECT value FROM settings WHERE key = 'gateway.cardKey'`).get() as
      { value: string } | undefined;
    return row?.value;
  } finally {
    db.close();
  }
}

/** A till's empty data folder and an in-memory sandbox gateway, both cleaned up after the test. */
async function pinScene() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-keypin-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const gateway = await startSandboxGateway({
    dataDir: null,
    terminals: [{ terminalId: 'T01', secret: SECRET }],
    currency: 'CNY',
  });
  cleanups.push(() => gateway.close());
  return { dataDir, gateway };
}

describe('the card-encryption key pin', () => {
  it('a key that is not the pinned one: not cached, wedge swipes refused, the status bar alerts', async () => {
    const { dataDir, gateway } = await pinScene();
    const rightPin = {
      keyId: gateway.cardKey.kid,
      spkiSha256: spkiSha256(gateway.cardKey.publicKeyPem) ?? '',
    };

    // First with the right pin: the key is cached and a wedge swipe pays.
    let host = await till(gateway, dataDir, rightPin);
    const paid = await wedgeSwipe(host);
    expect(paid.ok && paid.value.outcome).toBe('approved');
    expect(JSON.parse(cachedKey(dataDir) ?? '{}')).toMatchObject({ kid: gateway.cardKey.kid });
    expect((await call(host, 'status.get', {})).gateway.state).toBe('online');
    await host.close();
    cleanups.pop();

    // Then the pin names another public key (a key swapped on the path, or the gateway rotated without the
    // shop re-pinning): the cached key is not used and the gateway's is refused.
    host = await till(gateway, dataDir, { ...rightPin, spkiSha256: 'ab'.repeat(32) });
    const refused = await wedgeSwipe(host);
    expect(refused.ok ? null : refused.error.code).toBe('GATEWAY_KEY_UNTRUSTED');
    expect(refused.ok ? '' : refused.error.message).toContain(`not the pinned ${rightPin.keyId}`);
    const status = await call(host, 'status.get', {});
    expect(status.gateway.state).toBe('error');
    expect(status.gateway.detail).toContain(gateway.cardKey.kid);
    expect(gateway.ledger.payments('T01')).toHaveLength(1); // nothing sealed to the refused key was sent
  });

  it('another key id with the same public key is refused too', async () => {
    const { dataDir, gateway } = await pinScene();
    const host = await till(gateway, dataDir, {
      keyId: 'another-kid',
      spkiSha256: spkiSha256(gateway.cardKey.publicKeyPem) ?? '',
    });
    const r = await wedgeSwipe(host);
    expect(r.ok ? null : r.error.code).toBe('GATEWAY_KEY_UNTRUSTED');
    expect(cachedKey(dataDir)).toBeUndefined();
  });
});
