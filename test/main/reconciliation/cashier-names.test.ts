// A cashier's name for the breakdown: "code name" by the operators' primary key (no scan of staff), each
// operator once per lookup; training mode's demo manager by its well-known code and name; nobody: null.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { cashierNames } from '../../../main/reconciliation/cashier-names';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import { createOperatorRepo } from '../../../main/staff/operator-repo';
import { openStore } from '../../../main/store/open-store';
import { cleanup, tempDir } from '../../support/temp-host';

afterEach(cleanup);

describe('cashierNames', () => {
  it('names operators on file and the training manager, by primary key, each once', async () => {
    const { db } = await openStore({ dataDir: tempDir(), now: () => new Date(), log: () => undefined });
    try {
      const ops = createOperatorRepo(db, { now: () => new Date(), newId: randomUUID });
      const wang = ops.insert({ code: '101', name: '王芳', role: 'cashier', pinHash: 'x' });
      const name = cashierNames(db);
      expect(name(wang.id)).toBe('101 王芳');
      expect(name('training-manager')).toBe(`${TRAINING_MANAGER.code} ${TRAINING_MANAGER.name}`);
      expect(name('nobody-on-file')).toBeNull();

      // Asked again within the same view: the answer it already had, even after a rename.
      db.prepare('UPDATE operators SET name = ? WHERE id = ?').run('王芳芳', wang.id);
      expect(name(wang.id)).toBe('101 王芳');
      expect(cashierNames(db)(wang.id)).toBe('101 王芳芳');

      const plan = db
        .prepare('EXPLAIN QUERY PLAN SELECT code, name FROM operators WHERE id = ?')
        .all('x') as { detail: string }[];
      expect(plan.map((p) => p.detail)).toEqual([
        expect.stringMatching(/^SEARCH operators USING PRIMARY KEY/),
      ]);
    } finally {
      db.close();
    }
  });
});
