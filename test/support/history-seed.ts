// Sales written straight into a migrated store, for the receipts search tests and benchmark: the rows the
// till's write path leaves (cart, sale, one line, tender, card attempt) without pricing them, so 200,000 sales
// take seconds. The search index is kept by migration 009's trigger, exactly as on the till.
import type { Database } from '../../main/store/db';

export interface SeedOptions {
  /** how many sales */
  readonly count: number;
  /** completed_at of the first sale (ms); later ones follow `spacingMs` apart */
  readonly startMs: number;
  readonly spacingMs: number;
  /** total of sale number i (1-based) */
  readonly total: (i: number) => number;
  /** card last four of sale i, or null for cash */
  readonly last4: (i: number) => string | null;
  readonly terminalId?: string;
  /** receipt numbers continue from here (the store's receipt counter) */
  readonly firstSeq?: number;
}

/** Sale i's id: time-ordered like the till's, and readable in test failures. */
export function seededSaleId(i: number): string {
  return `s${String(i).padStart(9, '0')}`;
}

export function receiptNoOf(terminalId: string, seq: number): string {
  return `${terminalId}-${String(seq).padStart(6, '0')}`;
}

/** Writes the sales in one transaction; returns their receipt numbers in order. */
export function seedSales(db: Database, o: SeedOptions): string[] {
  const terminal = o.terminalId ?? 'T01';
  const first = o.firstSeq ?? 1;
  const cart = db.prepare(
    `INSERT INTO carts (id, status, version, body, opened_at, updated_at) VALUES (?, 'completed', 1, '{}', ?, ?)`,
  );
  const sale = db.prepare(
    `INSERT INTO sales (id, receipt_no, cart_id, cart_version, status, training, terminal_id, currency, pricing_mode,
       tax_rounding, gross_minor, line_discount_minor, order_discount_minor, tax_minor, total_minor, completed_at)
     VALUES (?, ?, ?, 1, 'completed', 0, ?, 'CNY', 'inclusive', 'line', ?, 0, 0, 0, ?, ?)`,
  );
  const line = db.prepare(
    `INSERT INTO sale_lines (sale_id, line_no, line_id, product_id, sku, name, unit, qty_milli, unit_price_minor,
       tax_category_id, tax_rate_bp, gross_minor, line_discount_minor, order_discount_minor, net_minor, tax_minor,
       total_minor) VALUES (?, 1, 'l1', 'p1', 'SKU1', 'Cola', 'each', 1000, ?, 'std', 0, ?, 0, 0, ?, 0, ?)`,
  );
  const attempt = db.prepare(
    `INSERT INTO payment_attempts (id, kind, mode, state, cart_id, cart_version, sale_id, amount_minor, currency,
       idempotency_key, brand, bin, last4, expiry, created_at, updated_at)
     VALUES (?, 'card', 'online', 'approved', ?, 1, ?, ?, 'CNY', ?, 'visa', '424242', ?, '2912', ?, ?)`,
  );
  const tender = db.prepare(
    `INSERT INTO tenders (sale_id, id, kind, amount_minor, tendered_minor, change_minor, attempt_id, created_at)
     VALUES (?, 't', ?, ?, ?, 0, ?, ?)`,
  );
  const receipts: string[] = [];
  db.transaction(() => {
    for (let i = 1; i <= o.count; i++) {
      const id = seededSaleId(first + i - 1);
      const cartId = `c${id}`;
      const at = new Date(o.startMs + (i - 1) * o.spacingMs).toISOString();
      const total = o.total(i);
      const no = receiptNoOf(terminal, first + i - 1);
      const last4 = o.last4(i);
      cart.run(cartId, at, at);
      sale.run(id, no, cartId, terminal, total, total, at);
      line.run(id, total, total, total, total);
      if (last4 === null) {
        tender.run(id, 'cash', total, total, null, at);
      } else {
        attempt.run(`a${id}`, cartId, id, Math.max(total, 1), `pay:a${id}`, last4, at, at);
        tender.run(id, 'card', total, total, `a${id}`, at);
      }
      receipts.push(no);
    }
  })();
  return receipts;
}
