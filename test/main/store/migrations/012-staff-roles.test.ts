// Migration 012 (staff-roles): four roles, a lockout count per operator, rows kept as they were.
import { describe, expect, it } from 'vitest';
import { AT, migratedTo, migrateOn, migrationSuite } from '../../../support/migrations';

migrationSuite(12);

const insert = (role: string) =>
  `INSERT INTO operators (id, code, name, role, pin_hash, created_at, updated_at)
   VALUES ('o-${role}', '${role.length}${role.charCodeAt(0)}', 'N', '${role}', 'h', '${AT}', '${AT}')`;

describe('012 staff-roles', () => {
  it('keeps every operator row, adds lockouts = 0 and accepts supervisor and owner', async () => {
    const db = await migratedTo(11);
    expect(() => db.prepare(insert('owner')).run()).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO operators (id, code, name, role, pin_hash, active, failed_attempts, locked_until, created_at, updated_at)
       VALUES ('o1', '01', '王', 'manager', 'scrypt$x', 0, 3, '${AT}', '${AT}', '${AT}')`,
    ).run();
    await migrateOn(db);
    expect(db.prepare('SELECT * FROM operators').all()).toEqual([
      {
        id: 'o1',
        code: '01',
        name: '王',
        role: 'manager',
        pin_hash: 'scrypt$x',
        active: 0,
        failed_attempts: 3,
        locked_until: AT,
        lockouts: 0,
        created_at: AT,
        updated_at: AT,
      },
    ]);
    db.prepare(insert('owner')).run();
    db.prepare(insert('supervisor')).run();
    expect(() => db.prepare(insert('boss')).run()).toThrow(/CHECK/);
  });
});
