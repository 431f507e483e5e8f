// The full journal walk told to a person: verifyJournal finds the first break, this module reads what sits
// there (the entry's time, kind, ref and what its body recorded) or, for a missing entry, the entries on either
// side, so a manager or support can say "entry 123, 14:05, sale T01-000123 for 35.00 was altered".
import type { Database } from '../store/db';
import type { JournalEntryPoint as EntryPoint, JournalReport } from '../api/contract/journal';
import { verifyJournal } from './journal';

interface Row {
  seq: number;
  at: string;
  kind: string;
  ref: string | null;
  body: string;
}

// Amounts a body may carry, in the order they are worth naming; minor units, shown with two decimals.
const AMOUNTS: readonly (readonly [key: string, label: string])[] = [
  ['totalMinor', 'total'],
  ['amountMinor', 'amount'],
  ['netSalesMinor', 'net sales'],
  ['countedMinor', 'counted'],
];

function money(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "kind receipt-or-ref, total 35.00": the receipt number names a sale better than its id. */
export function describeEntry(kind: string, ref: string | null, body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const fields = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const name = typeof fields.receiptNo === 'string' ? fields.receiptNo : ref;
  const parts = [name === null ? kind : `${kind} ${name}`];
  for (const [key, label] of AMOUNTS) {
    const v = fields[key];
    if (typeof v === 'number' && Number.isSafeInteger(v)) parts.push(`${label} ${money(v)}`);
  }
  return parts.join(', ');
}

/** Walks the whole chain from the genesis (bodies too) and reports the first break, or the intact chain. */
export function reportJournal(
  db: Database,
  onProgress?: (done: number, total: number) => void,
): JournalReport {
  const verdict = verifyJournal(db, { checkBodies: true, ...(onProgress ? { onProgress } : {}) });
  const point = (sql: string, seq: number): EntryPoint | null =>
    db.prepare<[number], EntryPoint>(`SELECT seq, at FROM journal WHERE ${sql}`).get(seq) ?? null;
  if (verdict.ok) {
    return {
      ...verdict,
      first: point('seq >= ? ORDER BY seq LIMIT 1', 0),
      last: point('seq <= ? ORDER BY seq DESC LIMIT 1', verdict.entries),
    };
  }
  const row = db
    .prepare<[number], Row>('SELECT seq, at, kind, ref, body FROM journal WHERE seq = ?')
    .get(verdict.seq);
  return {
    ok: false,
    seq: verdict.seq,
    cause: verdict.cause ?? 'head',
    reason: verdict.reason,
    at: row?.at ?? null,
    kind: row?.kind ?? null,
    ref: row?.ref ?? null,
    covered: row ? describeEntry(row.kind, row.ref, row.body) : null,
    before: point('seq < ? ORDER BY seq DESC LIMIT 1', verdict.seq),
    after: point('seq > ? ORDER BY seq LIMIT 1', verdict.seq),
  };
}
