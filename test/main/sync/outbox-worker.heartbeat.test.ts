// With nothing to send, the till still asks the gateway how it is now and then (the signed heartbeat), so a
// gateway that went away shows as offline before a sale or a refund needs it, and as online once it is back.
import { describe, expect, it } from 'vitest';
import { call, openShop, until } from '../payments/fixtures';

describe('idle heartbeat', () => {
  it('notices the gateway going away and coming back with nothing queued', async () => {
    const shop = await openShop({ tuning: { heartbeatMs: 50 } });
    const h = shop.host;
    const state = async (): Promise<string> => (await call(h, 'status.get', {})).gateway.state;
    await until(async () => (await state()) === 'online', 'online at start');
    const seen = shop.gateway.ledger.heartbeat('T01')?.receivedAt;
    await until(() => shop.gateway.ledger.heartbeat('T01')?.receivedAt !== seen, 'a heartbeat while idle');

    await shop.stopGateway();
    await until(async () => (await state()) === 'offline', 'offline with nothing queued');
    // Online-only actions say so up front now (no sale was needed to find out).
    await shop.restartGateway();
    await until(async () => (await state()) === 'online', 'online again', 10_000);
  });

  it('stays quiet while the default interval has not passed', async () => {
    const shop = await openShop();
    const before = shop.gateway.ledger.heartbeat('T01')?.receivedAt;
    await new Promise((r) => setTimeout(r, 300));
    expect(shop.gateway.ledger.heartbeat('T01')?.receivedAt).toBe(before);
  });
});
