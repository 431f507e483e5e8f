// Where a cash sale is completed. ONE transaction writes the sale, its lines, the tender, the hash-chained
// journal entry and the outbox row, and closes the cart; the cashier sees "complete" only after it returns.
// Idempotent by cart: a retry (double click, a renderer that reconnected, a restart between commit and
// acknowledgement) gets the sale that was already committed, never a second one.
import type Database from 'better-sqlite3';
import type { SaleView } from '../api/contract';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import { enqueueDrawer, enqueueReceipt } from '../printing/queue/enqueue';
import type { CartRepo } from './cart-repo';
import { priceView } from './cart-service';
import type { SaleCatalog, SaleSettings } from './ports';
import type { SaleRepo } from './sale-repo';

export interface TenderCashInput {
  readonly cartId: string;
  readonly cartVersion: number;
  readonly tenderedMinor: number;
}

export interface TenderDeps {
  readonly db: Database.Database;
  readonly carts: CartRepo;
  readonly sales: SaleRepo;
  readonly catalog: SaleCatalog;
  readonly settings: SaleSettings;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Open the cash drawer after the sale (a drawer job queued with the receipt). Default false. */
  readonly kickDrawer?: boolean;
}

export function createCashTender(deps: TenderDeps): (input: TenderCashInput) => SaleView {
  const { db } = deps;
  const nextReceipt = db.prepare<[], { value: number }>(
    `INSERT INTO counters (name, value) VALUES ('receipt', 1)
     ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
  );
  const insSale = db.prepare(`INSERT INTO sales (id, receipt_no, cart_id, cart_version, status, training,
      terminal_id, currency, pricing_mode, tax_rounding, order_discount, gross_minor, line_discount_minor,
      order_discount_minor, tax_minor, total_minor, completed_at)
    VALUES (?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insLine =
    db.prepare(`INSERT INTO sale_lines (sale_id, line_no, line_id, product_id, sku, name, name_en,
      unit, qty_milli, unit_price_minor, tax_category_id, tax_rate_bp, discount, gross_minor, line_discount_minor,
      order_discount_minor, net_minor, tax_minor, total_minor)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insTender = db.prepare(`INSERT INTO tenders (id, sale_id, kind, amount_minor, tendered_minor,
      change_minor, created_at) VALUES (?, ?, 'cash', ?, ?, ?, ?)`);
  const insOutbox = db.prepare(`INSERT INTO outbox (idempotency_key, kind, ref, body, state, attempts,
      next_attempt_at, created_at, updated_at) VALUES (?, 'sale.upload', ?, ?, 'pending', 0, ?, ?, ?)`);

  // Statements bind positionally: better-sqlite3's named binding from an object costs more than the
  // insert itself, and this is the path the cashier waits on.
  const commit = db.transaction((input: TenderCashInput): SaleView => {
    const existing = deps.sales.byCartId(input.cartId);
    if (existing) return existing;

    const cart = deps.carts.byId(input.cartId);
    if (!cart || cart.status !== 'open') {
      throw new PosFailure('NOT_FOUND', `Cart ${input.cartId} is not open`, { cartId: input.cartId });
    }
    if (cart.version !== input.cartVersion) {
      throw new PosFailure(
        'CART_STALE',
        'The cart changed since the total was shown; check it and tender again',
        {
          expected: cart.version,
          got: input.cartVersion,
        },
      );
    }
    if (cart.body.lines.length === 0) throw new PosFailure('CART_EMPTY', 'The cart is empty');
    const view = priceView(cart, deps);
    const total = view.totals.totalMinor;
    if (input.tenderedMinor < total) {
      throw new PosFailure('TENDER_INSUFFICIENT', 'Cash given is less than the total due', {
        totalMinor: total,
        tenderedMinor: input.tenderedMinor,
      });
    }

    const at = deps.now().toISOString();
    const saleId = deps.newId();
    const seq = nextReceipt.get()?.value ?? 1;
    const receiptNo = `${deps.settings.terminalId}-${String(seq).padStart(6, '0')}`;
    const change = input.tenderedMinor - total;
    const t = view.totals;
    insSale.run(
      saleId,
      receiptNo,
      cart.id,
      cart.version,
      deps.settings.trainingMode ? 1 : 0,
      deps.settings.terminalId,
      view.currency,
      view.pricingMode,
      view.taxRounding,
      view.orderDiscount ? JSON.stringify(view.orderDiscount) : null,
      t.grossMinor,
      t.lineDiscountMinor,
      t.orderDiscountMinor,
      t.taxMinor,
      total,
      at,
    );
    view.lines.forEach((l, i) =>
      insLine.run(
        saleId,
        i + 1,
        l.lineId,
        l.productId,
        l.sku,
        l.name,
        l.nameEn,
        l.unit,
        l.qtyMilli,
        l.unitPriceMinor,
        l.taxCategoryId,
        l.taxRateBp,
        l.discount ? JSON.stringify(l.discount) : null,
        l.grossMinor,
        l.lineDiscountMinor,
        l.orderDiscountMinor,
        l.netMinor,
        l.taxMinor,
        l.totalMinor,
      ),
    );
    insTender.run(deps.newId(), saleId, total, input.tenderedMinor, change, at);
    const summary = {
      saleId,
      receiptNo,
      cartId: cart.id,
      training: deps.settings.trainingMode,
      currency: view.currency,
      totalMinor: total,
      taxMinor: t.taxMinor,
      lines: view.lines.length,
      tenders: [
        { kind: 'cash', amountMinor: total, tenderedMinor: input.tenderedMinor, changeMinor: change },
      ],
    };
    appendJournal(db, { at, kind: 'sale.completed', ref: saleId, body: summary });
    insOutbox.run(`sale:${saleId}`, saleId, JSON.stringify(summary), at, at, at);
    deps.carts.close(cart.id, 'completed');
    // Printing is queued in this same transaction, so a committed sale always has its receipt job. The drawer
    // job goes first: the drawer opens while the receipt prints (docs/decisions/0007-print-queue.md).
    const printAt = new Date(at);
    if (deps.kickDrawer === true) enqueueDrawer(db, { now: printAt });
    enqueueReceipt(db, { saleId, copy: false, now: printAt });

    // Built from what was just written (sale-repo reads the same shape back for reprints and retries).
    return {
      saleId,
      receiptNo,
      completedAt: at,
      training: deps.settings.trainingMode,
      currency: view.currency,
      lines: view.lines,
      orderDiscount: view.orderDiscount,
      totals: view.totals,
      tenders: [
        { kind: 'cash', amountMinor: total, tenderedMinor: input.tenderedMinor, changeMinor: change },
      ],
    };
  });

  return (input) => commit.immediate(input);
}
