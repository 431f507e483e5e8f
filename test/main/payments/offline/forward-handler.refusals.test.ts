// A stored (offline) payment forwarded while the terminal is suspended gets 403 terminal_suspended. That says
// nothing about the card: the payment stays stored and is forwarded once the terminal is active again, rather
// than becoming a final forward_declined whose money is never collected (forward-handler.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandboxGateway } from '../../../../main/gateway/sandbox/server';
import { call, openShop, payOffline, SECRET, until } from '../fixtures';

describe('forwarding while the terminal is suspended', () => {
  it('a forward refused with terminal_suspended stays to be forwarded and is collected once the terminal is active', async () => {
    const shop = await openShop();
    const h = shop.host;
    const { result } = await payOffline(shop, 'visa');
    expect(result.outcome).toBe('stored');
    const id = result.payment.attemptId;
    const gwDir = path.join(shop.dataDir, 'gw');
    const start = (suspended: boolean) =>
      startSandboxGateway({
        dataDir: gwDir,
        port: shop.port,
        terminals: [{ terminalId: 'T01', secret: SECRET, suspended }],
        currency: 'CNY',
        adminToken: 'admin',
      });
    // The gateway is back, but the terminal is suspended for a while (heartbeats still answered).
    const suspendedGw = await start(true);
    try {
      await until(
        async () => (await call(h, 'payment.get', { attemptId: id })).state !== 'stored',
        'a forward try',
        10_000,
      );
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await suspendedGw.close();
    }
    // The suspension is lifted.
    const activeGw = await start(false);
    try {
      await until(
        async () => {
          const s = (await call(h, 'payment.get', { attemptId: id })).state;
          return s === 'forward_approved' || s === 'forward_declined';
        },
        'a final forward state',
        10_000,
      ).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      const after = await call(h, 'payment.get', { attemptId: id });
      expect({ state: after.state, atGateway: activeGw.ledger.payments('T01').length }).toEqual({
        state: 'forward_approved',
        atGateway: 1,
      });
    } finally {
      await activeGw.close();
    }
  }, 30_000);
});
