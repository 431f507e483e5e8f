// The last sale (reprinted without a manager's approval) is the one committed last: not the newest wall-clock
// time (an NTP correction steps it back) nor the highest receipt number text (the terminal id may be renamed).
import { beforeEach, describe, expect, it } from 'vitest';
import { appendJournal } from '../../../main/audit/journal';
import { noteLastSale } from '../../../main/sale/last-sale';
import { createSaleRepo } from '../../../main/sale/sale-repo';
import type { Database } from '../../../main/store/db';
import { migratedDatabase } from '../store/fixtures';

let db: Database;

beforeEach(async () => {
  ({ db } = await migratedDatabase());
});

/** Writes a sale as write-sale.ts does: its row, its journal entry and the last-sale note in one transaction. */
function sale(id: string, receiptNo: string, completedAt: string): void {
  db.transaction(() => {
    insertSale(id, receiptNo, completedAt);
    const entry = appendJournal(db, {
      at: completedAt,
      kind: 'sale.completed',
      ref: id,
      body: { receiptNo, saleId: id },
    });
    noteLastSale(db, id, entry.seq);
  })();
}

function insertSale(id: string, receiptNo: string, completedAt: string): void {
  db.prepare(
    `INSERT INTO carts (id, status, version, body, opened_at, updated_at) VALUES (?, 'completed', 1, '{}', ?, ?)`,
  ).run(`cart-${id}`, completedAt, completedAt);
  db.prepare(
    `INSERT INTO sales (id, receipt_no, cart_id, cart_version, status, training, terminal_id, currency,
       pricing_mode, tax_rounding, order_discount, gross_minor, line_discount_minor, order_discount_minor,
       tax_minor, total_minor, completed_at)
     VALUES (?, ?, ?, 1, 'completed', 0, ?, 'CNY', 'inclusive', 'line', NULL, 100, 0, 0, 0, 100, ?)`,
  ).run(id, receiptNo, `cart-${id}`, receiptNo.split('-')[0], completedAt);
}

describe('the last sale is the one committed last', () => {
  it('last() is the sale just committed even after the clock was stepped back (NTP correction)', () => {
    const repo = createSaleRepo(db, () => new Map());
    sale('a', 'T01-000001', '2025-01-02T10:00:05.000Z'); // clock 3 s fast
    sale('b', 'T01-000002', '2025-01-02T10:00:03.000Z'); // after the correction: the sale at the counter now
    expect(repo.last()?.receiptNo).toBe('T01-000002');
  });

  it('last() is the sale just committed when the terminal id changed and the millisecond is the same', () => {
    const repo = createSaleRepo(db, () => new Map());
    sale('a', 'T02-000005', '2025-01-02T10:00:05.000Z');
    sale('b', 'A01-000006', '2025-01-02T10:00:05.000Z'); // terminal renamed; the counter carries on
    expect(repo.last()?.receiptNo).toBe('A01-000006');
  });
});
