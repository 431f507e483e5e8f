// When the transaction that records a batch of answers fails (a full disk for a moment, SQLITE_BUSY), the worker
// keeps the answers and records them again later, so the rows do not sit in `sending` until the next start (a
// stored payment would miss its forward deadline) (outbox-worker.ts).
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, cartOf, diskFullFor, openShop, until } from '../payments/fixtures';

describe('outbox rows after a failed answer commit', () => {
  it('a row whose answer could not be recorded once is sent again while the till keeps running', async () => {
    const shop = await openShop();
    const h = shop.host;
    // Recording "sent" fails for a moment (claiming still works).
    const diskBack = diskFullFor(shop, "BEFORE UPDATE OF state ON outbox WHEN NEW.state = 'sent'");
    const cart = await cartOf(h);
    const sale = await call(h, 'sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: cart.totals.totalMinor,
    });
    const db = new Database(path.join(shop.dataDir, 'pos.sqlite'), { readonly: true });
    const state = (): string | undefined =>
      (
        db.prepare('SELECT state FROM outbox WHERE idempotency_key = ?').get(`sale:${sale.saleId}`) as
          { state: string } | undefined
      )?.state;
    try {
      await until(() => shop.gateway.ledger.sales('T01').length === 1, 'the upload reached the gateway');
      await new Promise((r) => setTimeout(r, 200));
      expect(state()).toBe('sending'); // its answer could not be written
      diskBack();
      // The disk has room again; the worker keeps running (idle 50 ms, backoff <= 50 ms in these tests).
      await until(() => state() === 'sent', 'the row recorded as sent', 5_000).catch(() => undefined);
      expect(state()).toBe('sent');
    } finally {
      db.close();
    }
  }, 15_000);
});
