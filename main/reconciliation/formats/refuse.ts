// One way to refuse a settlement file: a PosFailure naming the 1-based line and a stable reason, so the
// manager's screen and `npm run reconcile` can both say where the file went wrong. Nothing of a refused
// file is kept: readers throw this before their caller sees any row.
import { PosFailure } from '../../api/result';

export type RefusalReason =
  | 'unknown-layout' // the file is none of the known layouts
  | 'header' // a known layout whose header changed (detail.column names the first differing column)
  | 'encoding' // bytes that are not text in the layout's encoding (an Alipay file saved as UTF-8)
  | 'field-count'
  | 'field' // a required field empty or malformed (detail.column)
  | 'amount'
  | 'time'
  | 'status'
  | 'summary' // the file's own totals disagree with its rows, or are malformed
  | 'truncated' // the file ends before its summary
  | 'trailing' // something after the summary
  | 'too-large'
  | 'json';

export function refuse(line: number, reason: RefusalReason, extra: Record<string, unknown> = {}): PosFailure {
  const what = Object.entries(extra)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  return new PosFailure(
    'SETTLEMENT_INVALID',
    `settlement file refused at line ${line}: ${reason} ${what}`.trim(),
    {
      line,
      reason,
      ...extra,
    },
  );
}

/**
 * The end of a file whose summary was read (or not): an empty file is no layout at all; a file that stopped
 * before its summary was cut short.
 */
export function summaryAtEnd<T>(lastLine: number, summary: T | null): T {
  if (lastLine === 0) throw refuse(1, 'unknown-layout');
  if (summary === null) throw refuse(lastLine + 1, 'truncated');
  return summary;
}
