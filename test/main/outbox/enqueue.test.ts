// The one outbox enqueue (main/outbox/enqueue.ts): typed kinds, the row the sync worker reads, and no row
// outside a transaction (it could commit without the fact it reports).
import { describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../../main/outbox/enqueue';
import { createOutboxRepo } from '../../../main/outbox/outbox-repo';
import { openTestDb } from '../../support/catalog-db';

const AT = '2025-03-01T08:00:00.000Z';

describe('enqueueOutbox', () => {
  it('refuses to run outside a transaction, and writes nothing', () => {
    const db = openTestDb();
    expect(() =>
      enqueueOutbox(db, {
        kind: 'payment.forward',
        key: 'pay:a1',
        ref: 'a1',
        body: { attemptId: 'a1' },
        at: AT,
      }),
    ).toThrow(/only inside the transaction/);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });

  it('inside a transaction: a pending row, due now, that the worker claims with its body', () => {
    const db = openTestDb();
    db.transaction(() =>
      enqueueOutbox(db, {
        kind: 'payment.forward',
        key: 'pay:a1',
        ref: 'a1',
        body: { attemptId: 'a1' },
        at: AT,
      }),
    ).immediate();
    const repo = createOutboxRepo(db);
    expect(repo.byKey('pay:a1')).toMatchObject({
      kind: 'payment.forward',
      ref: 'a1',
      state: 'pending',
      attempts: 0,
    });
    const [row] = repo.claimDue(AT, 10);
    expect(row).toMatchObject({ key: 'pay:a1', createdAt: AT });
    expect(JSON.parse(row?.body ?? 'null')).toEqual({ attemptId: 'a1' });
  });

  it('a body must be the type of its kind (checked at compile time)', () => {
    const db = openTestDb();
    db.transaction(() => {
      // @ts-expect-error a payment.forward body carries the attempt id, nothing else
      enqueueOutbox(db, { kind: 'payment.forward', key: 'pay:a2', ref: 'a2', body: { saleId: 'x' }, at: AT });
      // @ts-expect-error no such kind
      enqueueOutbox(db, { kind: 'sale.delete', key: 'k', ref: 'r', body: {}, at: AT });
    }).immediate();
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 2 });
  });
});
