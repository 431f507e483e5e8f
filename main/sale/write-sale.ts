// Writing a completed sale, inside the caller's transaction: the receipt number, the sale, its lines, its
// tenders, the hash-chained journal entry, the outbox row that uploads it, the cart close and the print jobs.
// Shared by every way a sale completes (cash now; card and QR once their payment is approved or stored), so a
// sale is the same set of rows whatever paid for it. Statements bind positionally: this is the path the
// cashier waits on, and better-sqlite3's named binding from objects costs more than the inserts.
import type { Database, Statement } from '../store/db';
import type { CartView, SaleView, TenderView } from '../api/contract';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import { enqueueOutbox } from '../outbox/enqueue';
import type { SaleUpload } from '../gateway/protocol/schemas';
import { enqueueSaleJobs } from '../printing/queue/enqueue';
import { noteLastSale } from './last-sale';
import type { CartRepo } from './cart-repo';
import type { SaleSettings } from './ports';
import type { DayTotals } from '../totals/day-totals';
import { saleTotalsRows } from './sale-totals';
import type { TillGate } from './till-gate';

const LINE_COLUMNS = 19;
const LINE_PLACEHOLDERS = Array.from({ length: LINE_COLUMNS }, () => '?').join(', ');
// 64 rows x 19 columns stays far below SQLite's bound-parameter limit (32,766).
const LINE_CHUNK = 64;

export interface SaleToWrite {
  readonly cartId: string;
  readonly cartVersion: number;
  readonly view: CartView;
  /** their amounts sum to the total due */
  readonly tenders: readonly (TenderView & { readonly attemptId: string | null })[];
  readonly at: string;
  /** open the cash drawer with the receipt (cash sales, when configured) */
  readonly kickDrawer: boolean;
}

export interface SaleWriter {
  /** Call inside an IMMEDIATE transaction. */
  write(s: SaleToWrite): SaleView;
}

/**
 * A tender as the journal keeps it: what it says, without the fields that say nothing for this kind (a cash
 * tender has no auth code, brand, last four or reference): ~80 bytes a sale less, forever. Keys in code-unit
 * order, as the journal's canonical JSON wants them.
 */
function journalTender(x: TenderView): Record<string, unknown> {
  const o: Record<string, unknown> = { amountMinor: x.amountMinor };
  if (x.authCode !== null) o['authCode'] = x.authCode;
  if (x.brand !== null) o['brand'] = x.brand;
  o['changeMinor'] = x.changeMinor;
  o['kind'] = x.kind;
  if (x.last4 !== null) o['last4'] = x.last4;
  if (x.reference !== null) o['reference'] = x.reference;
  if (x.storedOffline) o['storedOffline'] = true;
  o['tenderedMinor'] = x.tenderedMinor;
  return o;
}

export function createSaleWriter(deps: {
  readonly db: Database;
  readonly carts: CartRepo;
  readonly settings: SaleSettings;
  readonly newId: () => string;
  /** whose the sale is: the signed-in cashier and the open shift */
  readonly till: TillGate;
  /** the business day's running totals, added to in the sale's transaction */
  readonly totals: DayTotals;
}): SaleWriter {
  const { db } = deps;
  // An UPDATE finds the row in one probe; the INSERT runs once per database (its first sale).
  const bumpReceipt = db.prepare<[], { value: number }>(
    `UPDATE counters SET value = value + 1 WHERE name = 'receipt' RETURNING value`,
  );
  const firstReceipt = db.prepare<[], { value: number }>(
    `INSERT INTO counters (name, value) VALUES ('receipt', 1) RETURNING value`,
  );
  const insSale = db.prepare(`INSERT INTO sales (id, receipt_no, cart_id, cart_version, status, training,
      terminal_id, currency, pricing_mode, tax_rounding, order_discount, gross_minor, line_discount_minor,
      order_discount_minor, tax_minor, total_minor, completed_at, operator_id, shift_id)
    VALUES (?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const lineStatements = new Map<number, Statement>();
  const insLines = (rows: number): Statement => {
    let st = lineStatements.get(rows);
    if (st === undefined) {
      const values = Array.from({ length: rows }, () => `(${LINE_PLACEHOLDERS})`).join(', ');
      st = db.prepare(`INSERT INTO sale_lines (sale_id, line_no, line_id, product_id, sku, name, name_en,
        unit, qty_milli, unit_price_minor, tax_category_id, tax_rate_bp, discount, gross_minor, line_discount_minor,
        order_discount_minor, net_minor, tax_minor, total_minor) VALUES ${values}`);
      lineStatements.set(rows, st);
    }
    return st;
  };
  const insTender = db.prepare(`INSERT INTO tenders (id, sale_id, kind, amount_minor, tendered_minor,
      change_minor, attempt_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);

  return {
    write(s) {
      const { view } = s;
      const total = view.totals.totalMinor;
      const paid = s.tenders.reduce((sum, t) => sum + t.amountMinor, 0);
      if (paid !== total) {
        throw new PosFailure('INTERNAL', `tenders pay ${paid}, the sale is ${total}`, { paid, total });
      }
      const saleId = deps.newId();
      const seq = bumpReceipt.get()?.value ?? firstReceipt.get()?.value ?? 1;
      const receiptNo = `${deps.settings.terminalId}-${String(seq).padStart(6, '0')}`;
      const t = view.totals;
      const training = deps.settings.trainingMode;
      const who = deps.till.attribution();
      insSale.run(
        saleId,
        receiptNo,
        s.cartId,
        s.cartVersion,
        training ? 1 : 0,
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
        s.at,
        who.operatorId,
        who.shiftId,
      );
      for (let from = 0; from < view.lines.length; from += LINE_CHUNK) {
        const chunk = view.lines.slice(from, from + LINE_CHUNK);
        const params: unknown[] = [];
        chunk.forEach((l, i) =>
          params.push(
            saleId,
            from + i + 1,
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
        insLines(chunk.length).run(params);
      }
      const tenders: TenderView[] = s.tenders.map(({ attemptId, ...tender }) => {
        insTender.run(
          deps.newId(),
          saleId,
          tender.kind,
          tender.amountMinor,
          tender.tenderedMinor,
          tender.changeMinor,
          attemptId,
          s.at,
        );
        return tender;
      });
      const entry = appendJournal(db, {
        at: s.at,
        kind: 'sale.completed',
        ref: saleId,
        // Keys in code-unit order, here and in each tender: the body is canonical as built, so the journal
        // encodes it natively (audit/canonical-json.ts) instead of key by key on the cashier's time.
        body: {
          cartId: s.cartId,
          currency: view.currency,
          lines: view.lines.length,
          receiptNo,
          saleId,
          taxMinor: t.taxMinor,
          tenders: tenders.map(journalTender),
          totalMinor: total,
          training,
        },
      });
      noteLastSale(db, saleId, entry.seq);
      const upload: SaleUpload = {
        saleId,
        receiptNo,
        completedAt: s.at,
        currency: view.currency,
        totalMinor: total,
        training,
        tenders: tenders.map((x) => ({ kind: x.kind, amountMinor: x.amountMinor, reference: x.reference })),
      };
      enqueueOutbox(db, { kind: 'sale.upload', key: `sale:${saleId}`, ref: saleId, body: upload, at: s.at });
      deps.totals.add(saleTotalsRows(view, tenders), who);
      deps.carts.close(s.cartId, 'completed');
      // Printing is queued in this same transaction, so a committed sale always has its receipt job. The drawer
      // job goes first: the drawer opens while the receipt prints (docs/decisions/0007-print-queue.md).
      enqueueSaleJobs(db, { saleId, kickDrawer: s.kickDrawer, now: new Date(s.at) });

      // Built from what was just written (sale-repo reads the same shape back for reprints and retries).
      return {
        saleId,
        receiptNo,
        completedAt: s.at,
        training,
        currency: view.currency,
        lines: view.lines,
        orderDiscount: view.orderDiscount,
        totals: view.totals,
        tenders,
      };
    },
  };
}
