// Offline card payments still at risk, read through the partial index of unfinished attempts
// (payment_attempts_open; every query repeats OPEN_ATTEMPTS_SQL so SQLite may use it). Not per day: what is
// exposed when the report is taken. Stored = not yet accepted by the gateway ('stored', 'forwarding',
// 'forward_unknown'); declined after forwarding = 'forward_declined' that no manager has acknowledged yet.
import type { OfflineExposure } from '../api/contract/reports';
import type { Database } from '../store/db';
import { OPEN_ATTEMPTS_SQL } from '../payments/attempts/states';

export const OFFLINE_STORED_STATES = ['stored', 'forwarding', 'forward_unknown'] as const;

const STORED = `state IN (${OFFLINE_STORED_STATES.map((s) => `'${s}'`).join(', ')})`;
const DECLINED = `state = 'forward_declined' AND acknowledged_at IS NULL`;

// One IN list over the indexed column (an OR of conditions would make SQLite walk the table).
export const OFFLINE_EXPOSURE_SQL = `SELECT
    sum(${STORED}) AS storedCount, total(CASE WHEN ${STORED} THEN amount_minor END) AS storedMinor,
    sum(${DECLINED}) AS declinedCount, total(CASE WHEN ${DECLINED} THEN amount_minor END) AS declinedMinor
  FROM payment_attempts
  WHERE ${OPEN_ATTEMPTS_SQL} AND state IN (${[...OFFLINE_STORED_STATES, 'forward_declined'].map((s) => `'${s}'`).join(', ')})`;

interface Row {
  storedCount: number | null;
  storedMinor: number;
  declinedCount: number | null;
  declinedMinor: number;
}

export function offlineExposure(db: Database): OfflineExposure {
  const r = db.prepare<[], Row>(OFFLINE_EXPOSURE_SQL).get();
  return {
    stored: { count: r?.storedCount ?? 0, amountMinor: r?.storedMinor ?? 0 },
    declinedAfterForwarding: { count: r?.declinedCount ?? 0, amountMinor: r?.declinedMinor ?? 0 },
  };
}
