// A till reconciled from the test's side (test/main/reconciliation/): card sales made through the host, a second
// connection to the host's store with its own reconciliation (the day in UTC, training), settlement rows built
// by hand, the gateway's settlement fetched, and the check that what a reconciliation ran used indexes only.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { SaleView } from '../../main/api/contract';
import { loadConfig } from '../../main/config/config';
import { configuredClient } from '../../main/gateway/connection';
import { createReconciliation } from '../../main/reconciliation/reconcile-day';
import type { SettlementRow } from '../../main/reconciliation/settlement-row';
import { openDatabase } from '../../main/store/db';
import { call, cartOf, type Shop } from '../main/payments/fixtures';
import { fullScans, isDataStatement, type Recorder } from './query-plans';

/** the manager the payments fixtures' shop has on file */
export const APPROVAL = { operatorCode: '900', pin: '1234' };

/** the business day the reconciliation below uses (its zone is UTC) */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** the payment reference the till sent with a sale's first tender */
export const refOf = (s: SaleView): string => s.tenders[0]?.reference ?? '';

/** one training card sale of the shop's default cart */
export async function cardSale(shop: Shop): Promise<SaleView> {
  const cart = await cartOf(shop.host);
  const a = await call(shop.host, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
  const r = await call(shop.host, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
  if (!r.sale) throw new Error('no sale');
  return r.sale;
}

/** a gateway charge row of a settlement, settled now */
export const settlementRow = (
  reference: string | null,
  amountMinor: number,
  line: number,
): SettlementRow => ({
  ...{ line, source: 'gateway', kind: 'charge', reference, providerId: `gw-${line}`, refundId: null },
  ...{ tender: 'card', brand: 'visa', amountMinor, feeMinor: 0, at: new Date().toISOString() },
  ...{ status: 'SUCCESS', terminalId: null },
});

export type Reconciliation = ReturnType<typeof createReconciliation>;

/** a reconciliation on its own connection to the shop's store (or on `db` when given); the caller closes db */
export function reconciliationOf(shop: Shop, db = openDatabase(storeFile(shop))) {
  const recon = createReconciliation({
    ...{ db, now: () => new Date(), newId: randomUUID, timeZone: 'UTC', training: true },
  });
  return { db, recon };
}

export const storeFile = (shop: Shop): string => path.join(shop.dataDir, 'pos.sqlite');

/** fetches the day's settlement from the shop's sandbox gateway through a client of its own config */
export async function fetchSettlement(shop: Shop, recon: Reconciliation, day: string) {
  const client = configuredClient({
    config: loadConfig(shop.dataDir),
    dataDir: shop.dataDir,
    now: () => new Date(),
  });
  try {
    return await recon.fetch(client, day);
  } finally {
    client.close();
  }
}

/**
 * Stops the recorder and checks what ran: it touched each of `tables` and planned no full scan of a history
 * table (`planner` is a read-only connection the recorder ignores). `ranOnly` leaves out statements prepared
 * but never run.
 */
export function expectIndexedOnly(
  recorder: Recorder,
  planner: Database.Database,
  tables: readonly string[],
  ranOnly = false,
): void {
  recorder.stop();
  const statements = recorder.statements().filter((s) => isDataStatement(s.sql) && (!ranOnly || s.ran));
  const sql = statements.map((s) => s.sql).join('\n');
  for (const t of tables) expect(sql).toContain(t);
  const scans = statements.flatMap((s) => fullScans(planner, s.sql).map((f) => `${f.detail}: ${s.sql}`));
  expect(scans).toEqual([]);
}

/** refunds a sale's first line in full with the manager's approval */
export const refundFirstLine = (shop: Shop, sale: SaleView) =>
  call(shop.host, 'refund.issue', {
    refundId: randomUUID(),
    saleId: sale.saleId,
    lines: [{ lineNo: 1, qtyMilli: sale.lines[0]?.qtyMilli ?? 1000 }],
    reason: 'wrong_item',
    approval: APPROVAL,
  });
