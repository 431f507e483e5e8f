// Reconciling a day reads the till's side and the stored settlement through indexes only: every statement
// prepared while a day is fetched, imported, matched and viewed is planned with EXPLAIN QUERY PLAN, and none
// may walk a history table (test/support/query-plans.ts), including the settlement and reconciliation tables.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/config/config';
import { configuredClient } from '../../../main/gateway/connection';
import { createReconciliation } from '../../../main/reconciliation/reconcile-day';
import { openDatabase } from '../../../main/store/db';
import { fullScans, isDataStatement, recordStatements } from '../../support/query-plans';
import { call, cartOf, openShop } from '../payments/fixtures';

describe('reconciling a day: query plans', () => {
  it('walks no history table', async () => {
    const shop = await openShop();
    const cart = await cartOf(shop.host);
    const a = await call(shop.host, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const r = await call(shop.host, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
    await call(shop.host, 'refund.issue', {
      refundId: randomUUID(),
      saleId: r.sale?.saleId ?? '',
      lines: [{ lineNo: 1, qtyMilli: r.sale?.lines[0]?.qtyMilli ?? 1000 }],
      reason: 'wrong_item',
      approval: { operatorCode: '900', pin: '1234' },
    });
    const file = path.join(shop.dataDir, 'pos.sqlite');
    const planner = openDatabase(file, { readonly: true });
    // Opened first: its open-time probes are the store's, not reconciliation's.
    const db = openDatabase(file);
    const recorder = recordStatements(file, new WeakSet([planner]));
    try {
      const recon = createReconciliation({
        db,
        now: () => new Date(),
        newId: randomUUID,
        timeZone: 'UTC',
        training: true,
      });
      const day = new Date().toISOString().slice(0, 10);
      const client = configuredClient({
        config: loadConfig(shop.dataDir),
        dataDir: shop.dataDir,
        now: () => new Date(),
      });
      expect((await recon.fetch(client, day)).kind).toBe('fetched');
      client.close();
      const view = recon.reconcile(day);
      expect(view.items.length).toBeGreaterThan(0);
      recorder.stop();
      const statements = recorder.statements().filter((s) => isDataStatement(s.sql));
      const tables = statements.map((s) => s.sql).join('\n');
      for (const t of ['payment_attempts', 'refunds', 'business_days', 'settlement_rows', 'recon_items']) {
        expect(tables).toContain(t);
      }
      const scans = statements.flatMap((s) => fullScans(planner, s.sql).map((f) => `${f.detail}: ${s.sql}`));
      expect(scans).toEqual([]);
    } finally {
      recorder.stop();
      db.close();
      planner.close();
    }
  });
});
