// Where a refund is DECIDED: what is left to give back on each line of a sale, and whether a requested refund
// may go ahead. Pure: no database, no clock. What returning a quantity pays back is the contract's rule
// (main/api/refund-share.ts), the same one the refund screen shows; quantities follow main/api/quantity.ts.
import type { CartLineView, RefundableLineView } from '../api/contract';
import { isWholeForUnit } from '../api/quantity';
import { returnShareMinor } from '../api/refund-share';
import { PosFailure } from '../api/result';

/** What earlier refunds (those that hold quantity: sending, unknown, completed) took from one sale line. */
export interface LineRefunded {
  readonly qtyMilli: number;
  readonly amountMinor: number;
  readonly taxMinor: number;
}

export interface RefundLineRequest {
  readonly lineNo: number;
  readonly qtyMilli: number;
}

export interface DecidedLine {
  readonly lineNo: number;
  readonly qtyMilli: number;
  readonly amountMinor: number;
  readonly taxMinor: number;
}

export interface DecidedRefund {
  readonly lines: readonly DecidedLine[];
  readonly amountMinor: number;
  readonly taxMinor: number;
}

const NONE: LineRefunded = { qtyMilli: 0, amountMinor: 0, taxMinor: 0 };

/** The sale's lines as the refund screen shows them: sold, already back, and what is left. */
export function refundableLines(
  lines: readonly CartLineView[],
  refunded: ReadonlyMap<number, LineRefunded>,
): RefundableLineView[] {
  return lines.map((l, i) => {
    const lineNo = i + 1;
    const r = refunded.get(lineNo) ?? NONE;
    return {
      lineNo,
      name: l.name,
      nameEn: l.nameEn,
      unit: l.unit,
      soldQtyMilli: l.qtyMilli,
      refundedQtyMilli: r.qtyMilli,
      remainingQtyMilli: l.qtyMilli - r.qtyMilli,
      totalMinor: l.totalMinor,
      remainingMinor: l.totalMinor - r.amountMinor,
    };
  });
}

/**
 * The refund of `requested` against the sale's `lines`, given what was refunded before. Throws
 * REFUND_NOT_ALLOWED for an unknown line, a line named twice, part of a piece, or more than is left of a line.
 */
export function decideRefund(
  lines: readonly CartLineView[],
  refunded: ReadonlyMap<number, LineRefunded>,
  requested: readonly RefundLineRequest[],
): DecidedRefund {
  const seen = new Set<number>();
  const decided = requested.map(({ lineNo, qtyMilli }): DecidedLine => {
    const line = lines[lineNo - 1];
    if (!line) {
      throw new PosFailure('REFUND_NOT_ALLOWED', `The sale has no line ${lineNo}`, { lineNo });
    }
    if (seen.has(lineNo)) {
      throw new PosFailure('REFUND_NOT_ALLOWED', `Line ${lineNo} is named twice`, { lineNo });
    }
    seen.add(lineNo);
    // Sold in whole pieces (cart-service), so returned in whole pieces: a slip never shows "0.5 cola".
    if (!isWholeForUnit(line.unit, qtyMilli)) {
      throw new PosFailure('REFUND_NOT_ALLOWED', `Line ${lineNo} is sold by the piece: return whole pieces`, {
        lineNo,
        qtyMilli,
      });
    }
    const before = refunded.get(lineNo) ?? NONE;
    const remaining = line.qtyMilli - before.qtyMilli;
    if (qtyMilli > remaining) {
      throw new PosFailure(
        'REFUND_NOT_ALLOWED',
        `Only ${remaining / 1000} of line ${lineNo} is left to refund, not ${qtyMilli / 1000}`,
        { lineNo, remainingQtyMilli: remaining, qtyMilli },
      );
    }
    const back = (wholeMinor: number, minor: number): number =>
      returnShareMinor(wholeMinor, line.qtyMilli, { qtyMilli: before.qtyMilli, minor }, qtyMilli);
    return {
      lineNo,
      qtyMilli,
      amountMinor: back(line.totalMinor, before.amountMinor),
      taxMinor: back(line.taxMinor, before.taxMinor),
    };
  });
  const amountMinor = decided.reduce((s, l) => s + l.amountMinor, 0);
  if (amountMinor <= 0) {
    throw new PosFailure('REFUND_NOT_ALLOWED', 'The lines chosen come to nothing to pay back', {});
  }
  return {
    lines: [...decided].sort((a, b) => a.lineNo - b.lineNo),
    amountMinor,
    taxMinor: decided.reduce((s, l) => s + l.taxMinor, 0),
  };
}
