// A payment attempt and its history as the payments capability persisted it: the attempt row (created_at,
// stored_at, the state now at updated_at) and each transition's journal entry (payment.approved, .declined,
// .stored-offline, .forward-approved, .forward-declined, .expired, .reversed, .acknowledged; ref = the
// attempt id). The journal has no index on ref, and none may be added here; its entries are appended in time
// order, so the attempt's life is a range of seq found by binary search on `at` (primary-key probes), and
// only that range is read (a rowid range, not a walk of the journal).
import type { ReconAttemptStep, ReconItemDetail } from '../api/contract/reconciliation';
import type { Database } from '../store/db';

type AttemptDetail = NonNullable<ReconItemDetail['attempt']>;

interface AttemptRow {
  attemptId: string;
  kind: 'card' | 'qr';
  mode: 'online' | 'offline';
  state: string;
  amountMinor: number;
  brand: string | null;
  last4: string | null;
  qrScheme: string | null;
  createdAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  message: string | null;
}

/** The state each journalled transition leaves the attempt in. */
const STATE_AFTER: Readonly<Record<string, string>> = {
  'payment.approved': 'approved',
  'payment.declined': 'declined',
  'payment.stored-offline': 'stored',
  'payment.forward-approved': 'forward_approved',
  'payment.forward-declined': 'forward_declined',
  'payment.expired': 'expired',
  'payment.reversed': 'cancelled',
};

/** Clocks of two steps of one transaction may differ by a little: widen the attempt's window by this. */
const SLACK_MS = 5 * 60 * 1000;

const shift = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/** what a journal body says beyond ids and amounts: a message or response code */
function detailOf(body: string): string | null {
  const b = JSON.parse(body) as Record<string, unknown>;
  const said = [b['responseCode'], b['message']].filter((v) => typeof v === 'string' && v !== '');
  return said.length > 0 ? said.join(': ') : null;
}

export function createAttemptHistory(db: Database) {
  const attemptById = db.prepare<[string], AttemptRow>(
    `SELECT id AS attemptId, kind, mode, state, amount_minor AS amountMinor, brand, last4,
       qr_scheme AS qrScheme, created_at AS createdAt, updated_at AS updatedAt,
       acknowledged_at AS acknowledgedAt, message
     FROM payment_attempts WHERE id = ?`,
  );
  const newest = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM journal');
  const atOf = db.prepare<[number], { seq: number; at: string }>(
    'SELECT seq, at FROM journal WHERE seq >= ? ORDER BY seq LIMIT 1',
  );
  const entries = db.prepare<[number, number, string], { at: string; kind: string; body: string }>(
    'SELECT at, kind, body FROM journal WHERE seq >= ? AND seq < ? AND ref = ? ORDER BY seq',
  );

  /** the first seq whose entry is at or after `iso` (one past the newest when there is none) */
  function firstSeqFrom(iso: string, top: number): number {
    let lo = 1;
    let hi = top + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const e = atOf.get(mid);
      if (!e) hi = mid;
      else if (e.at >= iso) hi = mid;
      else lo = e.seq + 1;
    }
    return lo;
  }

  function history(a: AttemptRow): ReconAttemptStep[] {
    const top = newest.get()?.seq ?? 0;
    const last = [a.updatedAt, a.acknowledgedAt ?? ''].sort().at(-1) ?? a.updatedAt;
    const from = firstSeqFrom(shift(a.createdAt, -SLACK_MS), top);
    const to = firstSeqFrom(shift(last, SLACK_MS), top);
    const journalled = entries.all(from, to, a.attemptId).map((e) => ({
      at: e.at,
      event: e.kind,
      state: STATE_AFTER[e.kind] ?? null,
      detail: detailOf(e.body),
    }));
    return [
      { at: a.createdAt, event: 'created', state: null, detail: null },
      ...journalled,
      { at: a.updatedAt, event: 'current', state: a.state, detail: a.message },
    ];
  }

  return (attemptId: string): AttemptDetail | null => {
    const a = attemptById.get(attemptId);
    if (!a) return null;
    return {
      ...{ attemptId: a.attemptId, kind: a.kind, mode: a.mode, state: a.state, amountMinor: a.amountMinor },
      ...{ brand: a.brand, last4: a.last4, qrScheme: a.qrScheme },
      history: history(a),
    };
  };
}
