// Reading completed sales back as the contract's SaleView (completed-sale screen, reprints, reports).
import { PosFailure } from '../api/result';
import type Database from 'better-sqlite3';
import { LAST_SALE_KEY } from './last-sale';
import type {
  CartLineView,
  Discount,
  SaleSummaryView,
  SaleView,
  TaxSummaryView,
  TenderView,
} from '../api/contract';
import { DEFAULT_STORE_TIME_ZONE } from '../api/contract/settings';
import { createSaleHistory, type HistoryOptions, type HistoryQuery } from './receipt-search';
import { groupLines } from './tax';

interface SaleRow {
  id: string;
  receipt_no: string;
  training: number;
  currency: string;
  order_discount: string | null;
  gross_minor: number;
  line_discount_minor: number;
  order_discount_minor: number;
  tax_minor: number;
  total_minor: number;
  completed_at: string;
}

interface LineRow {
  line_id: string;
  product_id: string;
  sku: string;
  name: string;
  name_en: string | null;
  unit: 'each' | 'kg';
  qty_milli: number;
  unit_price_minor: number;
  tax_category_id: string;
  tax_rate_bp: number;
  discount: string | null;
  gross_minor: number;
  line_discount_minor: number;
  order_discount_minor: number;
  net_minor: number;
  tax_minor: number;
  total_minor: number;
}

interface TenderRow {
  kind: 'cash' | 'card' | 'qr';
  amount_minor: number;
  tendered_minor: number;
  change_minor: number;
  attempt_id: string | null;
  brand: string | null;
  last4: string | null;
  auth_code: string | null;
  mode: 'online' | 'offline' | null;
}

export interface SaleRepo {
  byId(id: string): SaleView | null;
  /** The sale, or NOT_FOUND naming it (for a channel asked about one sale). */
  require(id: string): SaleView;
  byCartId(cartId: string): SaleView | null;
  last(): SaleView | null;
  /** Newest first, paged by cursor, each search form over an index (receipt-search.ts). */
  history(q: HistoryQuery): SaleSummaryView[];
}

export function createSaleRepo(
  db: Database.Database,
  taxNames: () => ReadonlyMap<string, { readonly name: string }>,
  historyOptions: HistoryOptions = { timeZone: DEFAULT_STORE_TIME_ZONE },
): SaleRepo {
  const cols = `id, receipt_no, training, currency, order_discount, gross_minor, line_discount_minor,
    order_discount_minor, tax_minor, total_minor, completed_at`;
  const byId = db.prepare<[string], SaleRow>(`SELECT ${cols} FROM sales WHERE id = ?`);
  const byCart = db.prepare<[string], SaleRow>(`SELECT ${cols} FROM sales WHERE cart_id = ?`);
  // The sale committed last (main/sale/last-sale.ts): one key lookup.
  const lastId = db.prepare<[], { ref: string }>(
    `SELECT hash AS ref FROM counters WHERE name = '${LAST_SALE_KEY}'`,
  );
  const lines = db.prepare<[string], LineRow>(`SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no`);
  const tenders = db.prepare<[string], TenderRow>(
    `SELECT t.kind, t.amount_minor, t.tendered_minor, t.change_minor, t.attempt_id,
       coalesce(a.brand, a.qr_scheme) AS brand, a.last4, a.auth_code, a.mode
     FROM tenders t LEFT JOIN payment_attempts a ON a.id = t.attempt_id
     WHERE t.sale_id = ? ORDER BY t.created_at, t.id`,
  );

  const history = createSaleHistory(db, historyOptions);

  const toView = (row: SaleRow): SaleView => {
    const lineViews: CartLineView[] = lines.all(row.id).map((l) => ({
      lineId: l.line_id,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      nameEn: l.name_en,
      unit: l.unit,
      qtyMilli: l.qty_milli,
      unitPriceMinor: l.unit_price_minor,
      taxCategoryId: l.tax_category_id,
      taxRateBp: l.tax_rate_bp,
      discount: l.discount ? (JSON.parse(l.discount) as Discount) : null,
      grossMinor: l.gross_minor,
      lineDiscountMinor: l.line_discount_minor,
      orderDiscountMinor: l.order_discount_minor,
      netMinor: l.net_minor,
      taxMinor: l.tax_minor,
      totalMinor: l.total_minor,
    }));
    const tenderViews: TenderView[] = tenders.all(row.id).map((t) => ({
      kind: t.kind,
      amountMinor: t.amount_minor,
      tenderedMinor: t.tendered_minor,
      changeMinor: t.change_minor,
      reference: t.attempt_id,
      brand: t.brand,
      last4: t.last4,
      authCode: t.auth_code,
      storedOffline: t.mode === 'offline',
    }));
    return {
      saleId: row.id,
      receiptNo: row.receipt_no,
      completedAt: row.completed_at,
      training: row.training === 1,
      currency: row.currency,
      lines: lineViews,
      orderDiscount: row.order_discount ? (JSON.parse(row.order_discount) as Discount) : null,
      totals: {
        grossMinor: row.gross_minor,
        lineDiscountMinor: row.line_discount_minor,
        orderDiscountMinor: row.order_discount_minor,
        taxMinor: row.tax_minor,
        totalMinor: row.total_minor,
        taxes: taxSummary(lineViews, taxNames()),
      },
      tenders: tenderViews,
    };
  };

  return {
    byId: (id) => {
      const row = byId.get(id);
      return row ? toView(row) : null;
    },
    require: (id) => {
      const row = byId.get(id);
      if (!row) throw new PosFailure('NOT_FOUND', `No sale ${id}`, { saleId: id });
      return toView(row);
    },
    byCartId: (cartId) => {
      const row = byCart.get(cartId);
      return row ? toView(row) : null;
    },
    last: () => {
      const id = lastId.get()?.ref;
      const row = id === undefined ? undefined : byId.get(id);
      return row ? toView(row) : null;
    },
    history,
  };
}

/**
 * Recomputes the tax summary from the stored lines (their taxes already sum to the sale's tax), grouped and
 * ordered exactly as pricing grouped them: by (category, rate), so a rate that changed while the cart was open
 * keeps its own row on the receipt.
 */
function taxSummary(
  lines: readonly CartLineView[],
  names: ReadonlyMap<string, { readonly name: string }>,
): TaxSummaryView[] {
  return groupLines(lines).map((g) => {
    let baseMinor = 0;
    let taxMinor = 0;
    for (const { line } of g.members) {
      baseMinor += line.totalMinor - line.taxMinor;
      taxMinor += line.taxMinor;
    }
    return {
      taxCategoryId: g.taxCategoryId,
      name: names.get(g.taxCategoryId)?.name ?? g.taxCategoryId,
      rateBp: g.rateBp,
      baseMinor,
      taxMinor,
    };
  });
}
