// The shifts and cash_movements tables (migration 014) and the view the screen gets of them. Writes happen
// inside the service's transactions, each beside its journal entry (shift-service.ts).
import type {
  CashMovementKind,
  CashMovementView,
  ExpectedCash,
  ShiftState,
  ShiftView,
} from '../api/contract/shifts';
import type { Database } from '../store/db';

interface ShiftRow {
  readonly id: string;
  readonly drawer_id: string;
  readonly state: ShiftState;
  readonly currency: string;
  readonly float_counts: string;
  readonly float_minor: number;
  readonly opened_at: string;
  readonly counted_counts: string | null;
  readonly counted_minor: number | null;
  readonly expected: string | null;
  readonly counted_at: string | null;
  readonly closed_at: string | null;
  readonly sign_off: string | null;
}

interface MovementRow {
  readonly id: string;
  readonly kind: CashMovementKind;
  readonly amount_minor: number;
  readonly reason: string;
  readonly approved_by: string | null;
  readonly created_at: string;
}

/** The journal's record of an approver, as stored beside the row it approved. */
export interface ApprovedBy {
  readonly operatorId: string;
  readonly code: string;
  readonly name: string;
}

export interface NewShift {
  readonly id: string;
  readonly drawerId: string;
  readonly currency: string;
  readonly floatCounts: Readonly<Record<string, number>>;
  readonly floatMinor: number;
  readonly openedBy: ApprovedBy | null;
  /** who was signed in when it opened */
  readonly operatorId: string | null;
  readonly at: string;
}

export interface NewMovement {
  readonly id: string;
  readonly shiftId: string;
  readonly kind: CashMovementKind;
  readonly amountMinor: number;
  readonly reason: string;
  readonly approvedBy: ApprovedBy | null;
  readonly at: string;
}

export interface Count {
  readonly counts: Readonly<Record<string, number>>;
  readonly countedMinor: number;
  readonly expected: ExpectedCash;
  readonly at: string;
}

export interface ShiftRepo {
  /** The drawer's shift that is not closed, or null. */
  live(drawerId: string): ShiftView | null;
  /** The drawer's OPEN shift's id (one lookup in the partial index, for the sale path), or null. */
  openId(drawerId: string): string | null;
  byId(shiftId: string): ShiftView | null;
  insert(s: NewShift): void;
  addMovement(m: NewMovement): void;
  setCounted(shiftId: string, c: Count): void;
  setClosed(shiftId: string, at: string, signOff: { note: string; approvedBy: ApprovedBy } | null): void;
}

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function createShiftRepo(db: Database): ShiftRepo {
  const cols = `id, drawer_id, state, currency, float_counts, float_minor, opened_at, counted_counts, counted_minor,
    expected, counted_at, closed_at, sign_off`;
  // `state <> 'closed'` is the partial index's own predicate, so this is a lookup in shifts_one_live.
  const liveRow = db.prepare<[string], ShiftRow>(
    `SELECT ${cols} FROM shifts WHERE drawer_id = ? AND state <> 'closed'`,
  );
  const liveState = db.prepare<[string], { id: string; state: ShiftState }>(
    `SELECT id, state FROM shifts WHERE drawer_id = ? AND state <> 'closed'`,
  );
  const byIdRow = db.prepare<[string], ShiftRow>(`SELECT ${cols} FROM shifts WHERE id = ?`);
  const movements = db.prepare<[string], MovementRow>(
    `SELECT id, kind, amount_minor, reason, approved_by, created_at FROM cash_movements WHERE shift_id = ?
     ORDER BY id`,
  );
  const insertShift = db.prepare(
    `INSERT INTO shifts (id, drawer_id, state, currency, float_counts, float_minor, opened_at, opened_by, updated_at,
       day_no, opened_by_operator)
     VALUES (@id, @drawerId, 'open', @currency, @floatCounts, @floatMinor, @at, @openedBy, @at,
       (SELECT value FROM counters WHERE name = 'business-day'), @operatorId)`,
  );
  const insertMovement = db.prepare(
    `INSERT INTO cash_movements (id, shift_id, kind, amount_minor, reason, approved_by, created_at)
     VALUES (@id, @shiftId, @kind, @amountMinor, @reason, @approvedBy, @at)`,
  );
  const counted = db.prepare(
    `UPDATE shifts SET state = 'closing', counted_counts = @counts, counted_minor = @countedMinor,
       expected = @expected, expected_minor = @expectedMinor, counted_at = @at, updated_at = @at
     WHERE id = @id AND state = 'open'`,
  );
  const closed = db.prepare(
    `UPDATE shifts SET state = 'closed', closed_at = @at, sign_off = @signOff, updated_at = @at
     WHERE id = @id AND state = 'closing'`,
  );

  const movementView = (m: MovementRow): CashMovementView => ({
    movementId: m.id,
    kind: m.kind,
    amountMinor: m.amount_minor,
    reason: m.reason,
    approvedBy: json<ApprovedBy>(m.approved_by)?.name ?? null,
    at: m.created_at,
  });

  const view = (r: ShiftRow | undefined): ShiftView | null => {
    if (!r) return null;
    const expected = json<ExpectedCash>(r.expected);
    const signOff = json<{ note: string; approvedBy: ApprovedBy }>(r.sign_off);
    return {
      shiftId: r.id,
      drawerId: r.drawer_id,
      state: r.state,
      currency: r.currency,
      floatCounts: JSON.parse(r.float_counts) as Record<string, number>,
      floatMinor: r.float_minor,
      openedAt: r.opened_at,
      movements: movements.all(r.id).map(movementView),
      close:
        expected === null || r.counted_minor === null || r.counted_at === null
          ? null
          : {
              countedCounts: json<Record<string, number>>(r.counted_counts) ?? {},
              countedMinor: r.counted_minor,
              expected,
              varianceMinor: r.counted_minor - expected.expectedMinor,
              needsSignOff: r.state === 'closing',
              countedAt: r.counted_at,
              closedAt: r.closed_at,
              signOff: signOff && { note: signOff.note, approvedBy: signOff.approvedBy.name },
            },
    };
  };

  const changed = (info: { changes: number }, what: string): void => {
    // The service checked the state in the same transaction: a row not changed is a bug, not a race.
    if (info.changes !== 1) throw new Error(`shift ${what}: no row in the expected state`);
  };

  return {
    live: (drawerId) => view(liveRow.get(drawerId)),
    openId: (drawerId) => {
      const r = liveState.get(drawerId);
      return r?.state === 'open' ? r.id : null;
    },
    byId: (shiftId) => view(byIdRow.get(shiftId)),
    insert: (s) =>
      void insertShift.run({
        ...s,
        floatCounts: JSON.stringify(s.floatCounts),
        openedBy: s.openedBy && JSON.stringify(s.openedBy),
      }),
    addMovement: (m) =>
      void insertMovement.run({ ...m, approvedBy: m.approvedBy && JSON.stringify(m.approvedBy) }),
    setCounted: (id, c) =>
      changed(
        counted.run({
          id,
          counts: JSON.stringify(c.counts),
          countedMinor: c.countedMinor,
          expected: JSON.stringify(c.expected),
          expectedMinor: c.expected.expectedMinor,
          at: c.at,
        }),
        'count',
      ),
    setClosed: (id, at, signOff) =>
      changed(closed.run({ id, at, signOff: signOff && JSON.stringify(signOff) }), 'close'),
  };
}
