// Reconciling a day reads the till's side and the stored settlement through indexes only: every statement
// prepared while a day is fetched, imported, matched and viewed is planned with EXPLAIN QUERY PLAN, and none
// may walk a history table (test/support/query-plans.ts), including the settlement and reconciliation tables.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/db';
import { recordStatements } from '../../support/query-plans';
import {
  cardSale,
  expectIndexedOnly,
  fetchSettlement,
  reconciliationOf,
  refundFirstLine,
  storeFile,
  today,
} from '../../support/recon-shop';
import { openShop } from '../payments/fixtures';

describe('reconciling a day: query plans', () => {
  it('walks no history table', async () => {
    const shop = await openShop();
    await refundFirstLine(shop, await cardSale(shop));
    const file = storeFile(shop);
    const planner = openDatabase(file, { readonly: true });
    // Opened first: its open-time probes are the store's, not reconciliation's.
    const db = openDatabase(file);
    const recorder = recordStatements(file, new WeakSet([planner]));
    try {
      const { recon } = reconciliationOf(shop, db);
      const day = today();
      expect((await fetchSettlement(shop, recon, day)).kind).toBe('fetched');
      const view = recon.reconcile(day);
      expect(view.items.length).toBeGreaterThan(0);
      const tables = ['payment_attempts', 'refunds', 'business_days', 'settlement_rows', 'recon_items'];
      expectIndexedOnly(recorder, planner, tables);
    } finally {
      recorder.stop();
      db.close();
      planner.close();
    }
  });
});
