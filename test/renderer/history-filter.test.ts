// The receipts screen's fields -> the sale.history search (renderer/src/history/history-filter.ts).
import { describe, expect, it } from 'vitest';
import { contract } from '../../main/api/contract';
import { historyFilter, NO_FIELDS, searchKey } from '../../renderer/src/history/history-filter';

const f = (patch: Partial<typeof NO_FIELDS>) => historyFilter({ ...NO_FIELDS, ...patch }, 'CNY');

describe('historyFilter', () => {
  it('a receipt number searches alone: the other fields are off', () => {
    const r = f({ query: ' 0107 ', from: '2026-01-02', amount: '7', last4: '4242' });
    expect(r).toEqual({
      search: { query: '0107' },
      byNumber: true,
      amountInvalid: null,
      last4Incomplete: false,
    });
  });

  it('days, amount and card combine; a range typed backwards is swapped', () => {
    const r = f({ from: '2026-01-05', to: '2026-01-02', amount: '12.50', last4: '0042' });
    expect(r.search).toEqual({ from: '2026-01-02', to: '2026-01-05', amountMinor: 1250, last4: '0042' });
    expect(r.byNumber).toBe(false);
  });

  it('an amount that does not parse or a card of fewer than 4 digits is left out and marked', () => {
    const r = f({ from: '2026-01-02', amount: '12.345', last4: '42' });
    expect(r.search).toEqual({ from: '2026-01-02' });
    expect(r.amountInvalid).toBe('tooManyDecimals');
    expect(r.last4Incomplete).toBe(true);
    expect(f({ amount: 'abc' }).amountInvalid).toBe('notANumber');
  });

  it('every search it builds is one the contract accepts, and equal searches share a key', () => {
    for (const fields of [
      { query: '7' },
      { from: '2026-01-05', to: '2026-01-02' },
      { amount: '0.01', last4: '1234', to: '2026-12-31' },
      {},
    ]) {
      const { search } = f(fields);
      expect(contract['sale.history'].safeParse({ ...search, limit: 20 }).success).toBe(true);
    }
    expect(searchKey(f({ amount: '7' }).search)).toBe(searchKey(f({ amount: '7.00' }).search));
    expect(searchKey(f({ amount: '7' }).search)).not.toBe(searchKey(f({ last4: '0007' }).search));
  });
});
