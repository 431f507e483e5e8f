// Refunds: returned lines of a sale paid back to the tender that paid for them. Cash comes out of the drawer
// in one commit. Card and QR money goes back through the gateway and ONLY online: a refund is never stored
// for later (docs/decisions/0011-refunds.md), so while the gateway is offline the screen says so up front and
// nothing is written. Exactly once: the refund's id is its gateway reference, its idempotency key and request
// body are committed before sending, and an unknown outcome is looked up (or resent byte for byte) — the
// quantities it holds stay held until then, so no second refund of the same goods can start.
import type { Database } from '../store/db';
import type { RefundableView, RefundReason, RefundView, SaleView } from '../api/contract';
import { PosFailure, type PosError } from '../api/result';
import type { AttemptRepo } from '../payments/attempts/attempt-repo';
import type { Connectivity } from '../payments/card/card-payments';
import type { GatewayClient } from '../gateway/client';
import { enqueueDrawer, enqueueRefund } from '../printing/queue/enqueue';
import type { SaleRepo } from '../sale/sale-repo';
import { OPEN_TILL, type TillGate } from '../sale/till-gate';
import { approvedBy, type Approver } from '../staff/approvals';
import { createDayTotals } from '../totals/day-totals';
import { decideRefund, refundableLines, type DecidedRefund, type RefundLineRequest } from './refundable';
import { createRefundExchange } from './refund-exchange';
import type { RefundRecord, RefundRepo } from './refund-repo';
import { refundTarget, type RefundTarget } from './refund-target';
import { addRefundTotals } from './refund-totals';

export interface RefundRequest {
  readonly refundId: string;
  readonly saleId: string;
  readonly lines: readonly RefundLineRequest[];
  readonly reason: RefundReason;
}

export interface RefundService {
  prepare(saleId: string): RefundableView;
  /**
   * Issues the refund; `approve` is called once every check has passed and before anything is written. A
   * retry with the id of an existing refund returns (or settles) that refund and approves nothing.
   */
  issue(req: RefundRequest, approve: () => Approver): Promise<RefundView>;
  get(refundId: string): RefundView;
  /** Card and QR refunds whose outcome is not known yet (sending or unknown), oldest first. */
  open(): RefundView[];
  /** Looks an unknown refund up at the gateway (resending it unchanged if the gateway never saw it). */
  resolve(refundId: string): Promise<RefundView>;
  /** At start-up: a refund left 'sending' may have gone out; it is unknown until looked up. */
  recoverAfterCrash(): number;
  /** Looks every unknown refund up (the background resolver, while online). */
  resolveUnknowns(): Promise<void>;
}

export interface RefundDeps {
  readonly db: Database;
  readonly refunds: RefundRepo;
  readonly sales: SaleRepo;
  readonly attempts: AttemptRepo;
  readonly gateway: () => GatewayClient | null;
  readonly connectivity: Connectivity;
  readonly settings: { readonly terminalId: string; readonly trainingMode: boolean };
  readonly now: () => Date;
  readonly newId: () => string;
  /** a slip (and maybe a drawer kick) was queued: wake the printer */
  readonly onQueued: () => void;
  /** a refund changed state (the status bar counts the open ones) */
  readonly onChange?: () => void;
  /** the till's open shift and signed-in cashier (main/sale/till-gate.ts); none: nobody's, no shift */
  readonly till?: TillGate | undefined;
}

const fail = (code: PosError['code'], message: string, detail?: Record<string, unknown>): never => {
  throw new PosFailure(code, message, detail);
};

export function createRefundService(d: RefundDeps): RefundService {
  const { db } = d;
  // Every write goes through here, so the status bar hears of each change: after the transaction that made
  // it (a microtask runs once the synchronous commit has returned), and once per burst.
  let notifying = false;
  const notify = (): void => {
    if (notifying || !d.onChange) return;
    notifying = true;
    queueMicrotask(() => {
      notifying = false;
      d.onChange?.();
    });
  };
  const refunds: RefundRepo = {
    ...d.refunds,
    insert: (r, terminalId) => {
      notify();
      return d.refunds.insert(r, terminalId);
    },
    move: (id, to, m) => {
      notify();
      d.refunds.move(id, to, m);
    },
  };
  const till = d.till ?? OPEN_TILL;
  const totals = createDayTotals(db);
  const exchange = createRefundExchange({ ...d, refunds, totals });
  const { journal, lookUp, exclusive } = exchange;
  const target = (sale: SaleView): RefundTarget =>
    refundTarget(sale, { ...d, trainingMode: d.settings.trainingMode });

  const mustSale = (saleId: string): SaleView =>
    d.sales.byId(saleId) ?? fail('NOT_FOUND', `No sale ${saleId}`, { saleId });
  const mustRefund = (refundId: string): RefundView =>
    refunds.view(refundId) ?? fail('NOT_FOUND', `No refund ${refundId}`, { refundId });

  /** Re-decided inside the writing transaction: a refund committed meanwhile holds its quantities. */
  const decideNow = (sale: SaleView, lines: readonly RefundLineRequest[]): DecidedRefund =>
    decideRefund(sale.lines, refunds.refundedBySale(sale.saleId), lines);

  /** A retry of a refund that exists: its outcome, never a second refund. */
  const settleExisting = async (rec: RefundRecord): Promise<RefundView> => {
    if (rec.state === 'unknown') {
      const e = await lookUp(rec.id);
      if (e) throw e;
    }
    const now = mustRefund(rec.id);
    if (now.state === 'completed') return now;
    if (now.state === 'failed') {
      throw new PosFailure('REFUND_REFUSED', `This refund failed: ${now.message ?? 'no reason given'}`, {
        refundId: rec.id,
        message: now.message,
      });
    }
    throw new PosFailure('REFUND_UNKNOWN', 'The refund is still being sent or looked up', {
      refundId: rec.id,
    });
  };

  return {
    prepare(saleId) {
      const sale = mustSale(saleId);
      const refunded = refunds.refundedBySale(saleId);
      const lines = refundableLines(sale.lines, refunded);
      const remainingMinor = lines.reduce((s, l) => s + l.remainingMinor, 0);
      let blocked: PosError | null = null;
      try {
        target(sale);
        if (lines.every((l) => l.remainingQtyMilli === 0)) {
          fail('REFUND_NOT_ALLOWED', 'Everything on this sale has been refunded already');
        }
      } catch (e) {
        if (!(e instanceof PosFailure)) throw e;
        blocked = { code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}) };
      }
      const tender = sale.tenders[0];
      return {
        saleId,
        receiptNo: sale.receiptNo,
        completedAt: sale.completedAt,
        currency: sale.currency,
        training: sale.training,
        tender: { kind: tender?.kind ?? 'cash', brand: tender?.brand ?? null, last4: tender?.last4 ?? null },
        onlineOnly: tender !== undefined && tender.kind !== 'cash',
        lines,
        remainingMinor,
        blocked,
        refunds: refunds.forSale(saleId),
      };
    },

    async issue(req, approve) {
      const existing = refunds.record(req.refundId);
      if (existing) {
        if (existing.saleId !== req.saleId) {
          fail('REFUND_NOT_ALLOWED', `Refund ${req.refundId} belongs to another sale`, {
            refundId: req.refundId,
          });
        }
        return settleExisting(existing);
      }
      const sale = mustSale(req.saleId);
      const to = target(sale);
      decideNow(sale, req.lines); // a refusal here costs the manager no PIN attempt
      const { shiftId } = till.attribution();
      if (to.kind === 'cash' && shiftId === null && !d.settings.trainingMode) {
        // cash would leave a drawer no shift accounts for
        fail('SHIFT_REQUIRED', 'Open a shift to pay cash back from the drawer');
      }
      const approver = approve();
      const at = d.now().toISOString();
      const base = {
        id: req.refundId,
        saleId: sale.saleId,
        tenderKind: to.kind,
        attemptId: to.attemptId,
        currency: sale.currency,
        reason: req.reason,
        training: sale.training,
        approvedBy: approvedBy(approver),
        // the cashier signed in when the manager approved it: the refund is theirs, like a sale
        operatorId: approver.signedIn?.operatorId ?? null,
        shiftId,
        at,
      };
      const journalBody = (refundNo: string, r: DecidedRefund): Record<string, unknown> => ({
        refundNo,
        saleId: sale.saleId,
        receiptNo: sale.receiptNo,
        tenderKind: to.kind,
        amountMinor: r.amountMinor,
        taxMinor: r.taxMinor,
        lines: r.lines.map((l) => ({ lineNo: l.lineNo, qtyMilli: l.qtyMilli, amountMinor: l.amountMinor })),
        reason: req.reason,
        approvedBy: approvedBy(approver),
      });

      if (to.kind === 'cash') {
        db.transaction(() => {
          const r = decideNow(sale, req.lines);
          const refundNo = refunds.insert(
            {
              ...base,
              state: 'completed',
              amountMinor: r.amountMinor,
              taxMinor: r.taxMinor,
              idempotencyKey: null,
              requestBody: null,
              lines: r.lines,
            },
            d.settings.terminalId,
          );
          journal('refund.completed', req.refundId, journalBody(refundNo, r));
          addRefundTotals(totals, { ...base, amountMinor: r.amountMinor, taxMinor: r.taxMinor });
          const printAt = new Date(at);
          enqueueDrawer(db, { now: printAt }); // the drawer opens while the slip prints
          enqueueRefund(db, { refundId: req.refundId, now: printAt });
        }).immediate();
        d.onQueued();
        return mustRefund(req.refundId);
      }

      const rec = db
        .transaction((): RefundRecord => {
          const r = decideNow(sale, req.lines);
          const requestBody = JSON.stringify({
            reference: req.refundId,
            amountMinor: r.amountMinor,
            reason: req.reason,
          });
          const refundNo = refunds.insert(
            {
              ...base,
              state: 'sending',
              amountMinor: r.amountMinor,
              taxMinor: r.taxMinor,
              idempotencyKey: d.newId(),
              requestBody,
              lines: r.lines,
            },
            d.settings.terminalId,
          );
          journal('refund.started', req.refundId, journalBody(refundNo, r));
          return refunds.record(req.refundId) ?? fail('INTERNAL', `Refund ${req.refundId} was not written`);
        })
        .immediate();
      const error = await exclusive(rec.id, () => exchange.send(rec));
      if (error) throw error;
      return mustRefund(rec.id);
    },

    get: mustRefund,

    open: () =>
      refunds
        .inStates(['sending', 'unknown'])
        .map((r) => refunds.view(r.id))
        .filter((v): v is RefundView => v !== null),

    async resolve(refundId) {
      const rec = refunds.record(refundId) ?? fail('NOT_FOUND', `No refund ${refundId}`, { refundId });
      if (rec.state === 'unknown') {
        // Refused, unreachable or still unknown: the view says which; only a broken refund is an error.
        const e = await lookUp(refundId);
        if (e?.code === 'INTERNAL') throw e;
      }
      return mustRefund(refundId);
    },

    recoverAfterCrash() {
      const open = refunds.inStates(['sending']);
      for (const r of open)
        refunds.move(r.id, 'unknown', { at: d.now().toISOString(), message: 'in flight at the last stop' });
      return open.length;
    },

    async resolveUnknowns() {
      if (!d.gateway() || !d.connectivity.online()) return;
      // A refund still 'sending' with no request in flight here lost its answer on the way to the disk (e.g. a
      // full disk when the gateway had said yes): it is unknown, like one found at start-up.
      for (const r of refunds.inStates(['sending'])) {
        if (!exchange.busy(r.id)) {
          refunds.move(r.id, 'unknown', {
            at: d.now().toISOString(),
            message: 'its answer was not recorded',
          });
        }
      }
      for (const r of refunds.inStates(['unknown'])) {
        if (!exchange.busy(r.id)) await lookUp(r.id).catch(() => null);
      }
    },
  };
}
