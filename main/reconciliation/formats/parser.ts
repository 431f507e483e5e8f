// What every line-based settlement layout implements: fed the file's lines in order, it returns the rows
// each line yields, and at the end the file's own summary, already checked against those rows. It throws
// a refusal (refuse.ts) on the first problem.
import type { SettlementRow, SettlementSummary } from '../settlement-row';
import type { FileEncoding } from './lines';

export interface SettlementParser {
  readonly encoding: FileEncoding;
  /** one line of the file; the rows it yields (none for a header, comment or summary line) */
  feed(line: number, text: string): readonly SettlementRow[];
  /** after the last line (0 for an empty file) */
  end(lastLine: number): SettlementSummary;
}

/** Running totals of the rows read so far, in the shape of a summary. */
export class RowTotals {
  rows = 0;
  charges = 0;
  refunds = 0;
  chargedMinor = 0;
  refundedMinor = 0;
  /** fees charged less fees given back on refunds */
  feeMinor = 0;

  add(row: SettlementRow): SettlementRow {
    this.rows++;
    if (row.kind === 'charge') {
      this.charges++;
      this.chargedMinor += row.amountMinor;
      this.feeMinor += row.feeMinor;
    } else if (row.kind === 'refund') {
      this.refunds++;
      this.refundedMinor += row.amountMinor;
      this.feeMinor -= row.feeMinor;
    } else {
      this.feeMinor += row.feeMinor;
    }
    return row;
  }

  summary(): SettlementSummary {
    const { rows, chargedMinor, refundedMinor, feeMinor } = this;
    return { rows, chargedMinor, refundedMinor, feeMinor };
  }
}
