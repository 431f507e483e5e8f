// The business day's totals are kept as sales commit (main/sale/sale-totals.ts into main/totals/): after a
// generated history of cash, card and QR sales with discounts, weighed goods, four tax rates, two cashiers
// taking turns and a shift a day, every figure in day_totals equals the same figure computed straight from the
// sales, lines and tenders, per shift and cashier.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeStore } from '../../../bench/support/large-store';

let dir = '';
let db: Database.Database;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-sale-totals-'));
  await generateLargeStore({ dataDir: dir, sales: 900, salesPerDay: 300, salesPerTransaction: 300 });
  db = new Database(path.join(dir, 'pos.sqlite'), { readonly: true });
}, 240_000);
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Row = Record<string, number | string>;
const all = (sql: string): Row[] => db.prepare(sql).all() as Row[];
const totals = (metric: string, cols: string): Row[] =>
  all(`SELECT shift_id, operator_id, ${cols} FROM day_totals WHERE metric = '${metric}' ORDER BY 1, 2`);

describe('day totals kept at commit', () => {
  it('holds each shift and cashier’s sales, as the sales rows say', () => {
    const truth = all(`SELECT shift_id, operator_id, count(*) AS n, sum(total_minor) AS amount,
        sum(gross_minor) AS gross, sum(line_discount_minor + order_discount_minor) AS discount, sum(tax_minor) AS tax
      FROM sales GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(truth.length).toBeGreaterThanOrEqual(6); // 3 shifts x 2 cashiers
    expect(
      totals(
        'sales',
        'n, amount_minor AS amount, gross_minor AS gross, discount_minor AS discount, tax_minor AS tax',
      ),
    ).toEqual(truth);
  });

  it('holds items: pieces by the piece, one per weighed line', () => {
    const truth = all(`SELECT s.shift_id, s.operator_id,
        sum(CASE WHEN l.unit = 'each' THEN l.qty_milli ELSE 1000 END) AS qty
      FROM sales s JOIN sale_lines l ON l.sale_id = s.id GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(totals('sales', 'qty_milli AS qty')).toEqual(truth);
  });

  it('holds each tax rate’s taxable amount and tax', () => {
    for (const { rate } of all('SELECT DISTINCT tax_rate_bp AS rate FROM sale_lines')) {
      const truth = all(`SELECT s.shift_id, s.operator_id, count(*) AS n, sum(l.net_minor) AS amount,
          sum(l.tax_minor) AS tax
        FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE l.tax_rate_bp = ${rate} GROUP BY 1, 2 ORDER BY 1, 2`);
      expect(totals(`tax:${rate}`, 'n, amount_minor AS amount, tax_minor AS tax')).toEqual(truth);
    }
  });

  it('holds tenders per kind and card brand or QR wallet, with the change given', () => {
    // The brand of a card or QR tender is its payment attempt's (the card's brand, the QR code's scheme).
    const truth = all(`SELECT CASE WHEN t.kind = 'cash' THEN 'tender:cash'
          ELSE 'tender:' || t.kind || ':' || coalesce(a.brand, a.qr_scheme) END AS metric,
        s.shift_id, s.operator_id, count(*) AS n, sum(t.amount_minor) AS amount, sum(t.change_minor) AS change
      FROM sales s JOIN tenders t ON t.sale_id = s.id LEFT JOIN payment_attempts a ON a.id = t.attempt_id
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
    const kept = all(`SELECT metric, shift_id, operator_id, n, amount_minor AS amount, change_minor AS change
      FROM day_totals WHERE metric LIKE 'tender:%' ORDER BY 1, 2, 3`);
    expect(new Set(truth.map((r) => r['metric'])).size).toBeGreaterThanOrEqual(5);
    expect(kept).toEqual(truth);
  });
});
