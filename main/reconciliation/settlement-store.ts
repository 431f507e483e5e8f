// Settlement imports and their rows (migration 019). One import per day and source is current: importing
// the same content again (same sha256) changes nothing; a different one replaces the current one's rows
// in one transaction, the old import kept as history without rows.
import type { Database } from '../store/db';
import type { SettlementRow, SettlementSource } from './settlement-row';
import { settlementTotals } from './settlement-totals';

export interface ImportInput {
  readonly day: string;
  readonly source: SettlementSource;
  /** null: fetched from the gateway */
  readonly fileName: string | null;
  readonly sha256: string;
  readonly rows: readonly SettlementRow[];
  /** JSON of the approver of a file import */
  readonly importedBy: string | null;
}

export type ImportOutcome =
  { readonly kind: 'unchanged' } | { readonly kind: 'imported'; readonly id: string };

export interface ImportView {
  readonly source: SettlementSource;
  readonly fileName: string | null;
  readonly rows: number;
  readonly importedAt: string;
}

interface RowRecord {
  line: number;
  source: SettlementSource;
  kind: SettlementRow['kind'];
  reference: string | null;
  providerId: string;
  refundId: string | null;
  tender: SettlementRow['tender'];
  brand: string | null;
  amountMinor: number;
  feeMinor: number;
  at: string;
  status: string;
  terminalId: string | null;
}

export function createSettlementStore(db: Database, deps: { now: () => Date; newId: () => string }) {
  const current = db.prepare<[string, string], { id: string; sha256: string }>(
    `SELECT id, sha256 FROM settlement_imports WHERE day = ? AND source = ? AND current = 1`,
  );
  const retire = db.prepare<[string]>(`UPDATE settlement_imports SET current = 0 WHERE id = ?`);
  const dropRows = db.prepare<[string]>(`DELETE FROM settlement_rows WHERE import_id = ?`);
  const insertImport = db.prepare(
    `INSERT INTO settlement_imports (id, day, source, file_name, sha256, rows, charged_minor, refunded_minor,
       fee_minor, imported_at, imported_by, current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const insertRow = db.prepare(
    `INSERT INTO settlement_rows (import_id, seq, line, kind, reference, provider_id, refund_id, tender, brand,
       amount_minor, fee_minor, at, status, terminal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rowsOfDay = db.prepare<[string], RowRecord>(
    `SELECT r.line, i.source, r.kind, r.reference, r.provider_id AS providerId, r.refund_id AS refundId, r.tender,
       r.brand, r.amount_minor AS amountMinor, r.fee_minor AS feeMinor, r.at, r.status, r.terminal_id AS terminalId
     FROM settlement_imports i JOIN settlement_rows r ON r.import_id = i.id
     WHERE i.day = ? AND i.current = 1 ORDER BY i.source, r.seq`,
  );
  const importsOfDay = db.prepare<[string], ImportView>(
    `SELECT source, file_name AS fileName, rows, imported_at AS importedAt
     FROM settlement_imports WHERE day = ? AND current = 1 ORDER BY source`,
  );

  const save = db.transaction((input: ImportInput): ImportOutcome => {
    const was = current.get(input.day, input.source);
    if (was?.sha256 === input.sha256) return { kind: 'unchanged' };
    if (was) {
      dropRows.run(was.id);
      retire.run(was.id);
    }
    const id = deps.newId();
    const t = settlementTotals(input.rows);
    insertImport.run(
      id,
      input.day,
      input.source,
      input.fileName,
      input.sha256,
      input.rows.length,
      t.chargedMinor,
      t.refundedMinor,
      t.feeMinor,
      deps.now().toISOString(),
      input.importedBy,
    );
    input.rows.forEach((r, seq) => {
      insertRow.run(
        id,
        seq,
        r.line,
        r.kind,
        r.reference,
        r.providerId,
        r.refundId,
        r.tender,
        r.brand,
        r.amountMinor,
        r.feeMinor,
        r.at,
        r.status,
        r.terminalId,
      );
    });
    return { kind: 'imported', id };
  });

  return {
    save: (input: ImportInput): ImportOutcome => save.immediate(input),
    /** every current import's rows for the day, all sources */
    rowsOf: (day: string): SettlementRow[] => rowsOfDay.all(day),
    importsOf: (day: string): ImportView[] => importsOfDay.all(day),
  };
}

export type SettlementStore = ReturnType<typeof createSettlementStore>;
