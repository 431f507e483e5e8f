// Everything known about one difference (recon.item): the item with its resolution, the local sale (receipt,
// time, cashier, total, tenders), the payment attempt and its history (attempt-history.ts), the refunds
// involved, and the rows of the day's current import(s) about it. Every read is by a key or an index; the
// settlement rows have no index on reference, so they are found within the day's current imports (their
// primary key's import_id prefix): one import's rows at most, never the table.
import type { ReconItemDetail } from '../api/contract/reconciliation';
import { PosFailure } from '../api/result';
import type { Database } from '../store/db';
import { createAttemptHistory } from './attempt-history';
import { ITEM_COLUMNS, itemView, type ItemRow } from './recon-items';

type SaleDetail = NonNullable<ReconItemDetail['sale']>;

interface SaleRow {
  saleId: string;
  receiptNo: string;
  completedAt: string;
  status: string;
  terminalId: string;
  totalMinor: number;
  operatorId: string | null;
  code: string | null;
  name: string | null;
}

/** The settlement rows an item's details name (a row, or several under `settlement`), as source:providerId. */
function namedRows(details: Readonly<Record<string, unknown>>): Set<string> {
  const s = details['settlement'];
  const rows = Array.isArray(s) ? (s as unknown[]) : [s];
  const keys = new Set<string>();
  for (const r of rows) {
    if (typeof r !== 'object' || r === null) continue;
    const { source, providerId } = r as Record<string, unknown>;
    if (typeof source === 'string' && typeof providerId === 'string') keys.add(`${source}:${providerId}`);
  }
  return keys;
}

export function createItemDetail(db: Database) {
  const attemptOf = createAttemptHistory(db);
  const itemById = db.prepare<[string], ItemRow & { day: string }>(
    `SELECT ${ITEM_COLUMNS}, i.day FROM recon_items i LEFT JOIN recon_resolutions r ON r.item_id = i.id
     WHERE i.id = ?`,
  );
  const saleById = db.prepare<[string], SaleRow>(
    `SELECT s.id AS saleId, s.receipt_no AS receiptNo, s.completed_at AS completedAt, s.status,
       s.terminal_id AS terminalId, s.total_minor AS totalMinor, s.operator_id AS operatorId, o.code, o.name
     FROM sales s LEFT JOIN operators o ON o.id = s.operator_id WHERE s.id = ?`,
  );
  const tendersOf = db.prepare<[string], SaleDetail['tenders'][number]>(
    `SELECT kind, amount_minor AS amountMinor, attempt_id AS reference FROM tenders WHERE sale_id = ? ORDER BY id`,
  );
  const saleOfAttempt = db
    .prepare<[string], string | null>(`SELECT sale_id FROM payment_attempts WHERE id = ?`)
    .pluck();
  const refundCols = `id AS refundId, refund_no AS refundNo, state, amount_minor AS amountMinor,
    completed_at AS completedAt`;
  const refundsOfAttempt = db.prepare<[string], ReconItemDetail['refunds'][number]>(
    `SELECT ${refundCols} FROM refunds WHERE attempt_id = ? ORDER BY created_at, id`,
  );
  const refundById = db.prepare<[string], ReconItemDetail['refunds'][number]>(
    `SELECT ${refundCols} FROM refunds WHERE id = ?`,
  );
  const currentImports = db
    .prepare<[string], string>(
      `SELECT id FROM settlement_imports WHERE day = ? AND current = 1 ORDER BY source`,
    )
    .pluck();
  // reference, or source:providerId in the JSON list of the rows the item's details name
  const rowsAbout = db.prepare<[string, string | null, string], ReconItemDetail['settlement'][number]>(
    `SELECT i.source, r.line, r.kind, r.reference, r.provider_id AS providerId, r.amount_minor AS amountMinor,
       r.fee_minor AS feeMinor, r.at, r.status
     FROM settlement_imports i JOIN settlement_rows r ON r.import_id = i.id
     WHERE i.id = ? AND (r.reference = ? OR i.source || ':' || r.provider_id IN (SELECT value FROM json_each(?)))
     ORDER BY r.seq`,
  );

  function sale(saleId: string | null): SaleDetail | null {
    const s = saleId === null ? undefined : saleById.get(saleId);
    if (!s) return null;
    const { operatorId, code, name, ...rest } = s;
    return {
      ...rest,
      cashier: operatorId === null ? null : { id: operatorId, code, name },
      tenders: tendersOf.all(s.saleId),
    };
  }

  const settlement = (day: string, reference: string | null, named: Set<string>) =>
    currentImports
      .all(day)
      .flatMap((importId) => rowsAbout.all(importId, reference, JSON.stringify([...named])));

  return (itemId: string): ReconItemDetail => {
    const row = itemById.get(itemId);
    if (!row) throw new PosFailure('RECON_ITEM_NOT_FOUND', `no reconciliation item ${itemId}`, { itemId });
    const { day, ...rest } = row;
    const item = itemView(rest);
    const saleId = item.saleId ?? (item.attemptId ? (saleOfAttempt.get(item.attemptId) ?? null) : null);
    const refunds = item.attemptId ? refundsOfAttempt.all(item.attemptId) : [];
    const own = item.refundId && !refunds.some((r) => r.refundId === item.refundId);
    const extra = own && item.refundId ? refundById.get(item.refundId) : undefined;
    return {
      item,
      day,
      sale: sale(saleId),
      attempt: item.attemptId ? attemptOf(item.attemptId) : null,
      refunds: extra ? [...refunds, extra] : refunds,
      settlement: settlement(day, item.reference, namedRows(item.details)),
    };
  };
}
