// After a Z the day's settlement is fetched in the background: with the gateway down the failure is logged
// and retried, and once it is back the day is fetched and reconciled.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/config/config';
import { configuredClient } from '../../../main/gateway/connection';
import { createAutoFetch } from '../../../main/reconciliation/auto-fetch';
import { dateIn } from '../../../main/reconciliation/day-window';
import { createReconciliation } from '../../../main/reconciliation/reconcile-day';
import { openDatabase } from '../../../main/store/db';
import { call, cartOf, openShop, until } from '../payments/fixtures';

describe('fetching after a Z', () => {
  it('logs a failed fetch, retries it, and reconciles the day once the gateway answers', async () => {
    const shop = await openShop();
    const cart = await cartOf(shop.host);
    const a = await call(shop.host, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    await call(shop.host, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
    const db = openDatabase(path.join(shop.dataDir, 'pos.sqlite'));
    const client = configuredClient({
      config: loadConfig(shop.dataDir),
      dataDir: shop.dataDir,
      now: () => new Date(),
    });
    const recon = createReconciliation({
      db,
      now: () => new Date(),
      newId: randomUUID,
      timeZone: 'UTC',
      training: true,
    });
    const logs: string[] = [];
    const auto = createAutoFetch({
      recon,
      gateway: () => client,
      dateOf: (iso) => dateIn(iso, 'UTC'),
      log: (level, msg) => logs.push(`${level} ${msg}`),
      retryMs: 50,
    });
    try {
      await shop.stopGateway();
      const now = new Date().toISOString();
      auto.dayClosed(now, now);
      await until(() => logs.includes('warn settlement fetch failed; will retry'), 'the failed fetch');
      const day = dateIn(now, 'UTC');
      expect(recon.view(day).items).toEqual([]);
      await shop.restartGateway();
      await until(() => logs.includes('info settlement fetched'), 'the retried fetch', 10_000);
      expect(recon.view(day).items.map((i) => [i.class, i.reference])).toEqual([['matched', a.attemptId]]);
    } finally {
      auto.stop();
      client.close();
      db.close();
    }
  });
});
