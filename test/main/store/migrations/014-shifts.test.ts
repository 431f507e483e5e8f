// Migration 014 (shifts): the shifts and cash movements tables, one live shift per drawer, the state's
// columns kept consistent by CHECKs, and the completed cash refunds' index.
import { describe, expect, it } from 'vitest';
import { AT, migratedTo, migrationSuite } from '../../../support/migrations';

migrationSuite(14);

const open = (id: string, drawer = 'main') =>
  `INSERT INTO shifts (id, drawer_id, state, currency, float_counts, float_minor, opened_at, updated_at)
   VALUES ('${id}', '${drawer}', 'open', 'CNY', '{}', 0, '${AT}', '${AT}')`;

describe('014 shifts', () => {
  it('allows one shift that is not closed per drawer', async () => {
    const db = await migratedTo(14);
    db.prepare(open('s1')).run();
    expect(() => db.prepare(open('s2')).run()).toThrow(/UNIQUE/);
    db.prepare(open('s3', 'back')).run();
    db.prepare(
      `UPDATE shifts SET state = 'closing', counted_minor = 0, expected_minor = 0, counted_at = '${AT}' WHERE id = 's1'`,
    ).run();
    expect(() => db.prepare(open('s2')).run()).toThrow(/UNIQUE/);
    db.prepare(`UPDATE shifts SET state = 'closed', closed_at = '${AT}' WHERE id = 's1'`).run();
    db.prepare(open('s2')).run();
  });

  it('refuses a state without its figures, and a movement without a reason or amount', async () => {
    const db = await migratedTo(14);
    db.prepare(open('s1')).run();
    expect(() => db.prepare(`UPDATE shifts SET state = 'closing' WHERE id = 's1'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE shifts SET state = 'closed' WHERE id = 's1'`).run()).toThrow(/CHECK/);
    const move = (amount: number, reason: string) =>
      db
        .prepare(
          `INSERT INTO cash_movements (id, shift_id, kind, amount_minor, reason, created_at)
           VALUES (?, 's1', 'drop', ?, ?, '${AT}')`,
        )
        .run(`m${amount}${reason}`, amount, reason);
    expect(() => move(0, 'safe')).toThrow(/CHECK/);
    expect(() => move(100, '')).toThrow(/CHECK/);
    move(100, 'safe');
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'refunds_cash_completed'`).get()).toEqual({
      name: 'refunds_cash_completed',
    });
  });
});
