// The handler join at run time (main/ipc/join-handlers.ts; its compile-time check is join-handlers.test-d.ts).
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../main/ipc/dispatcher';
import { joinHandlers } from '../../../main/ipc/join-handlers';

describe('joinHandlers', () => {
  it('joins the slices into one table', () => {
    const status = { 'status.get': () => ({}) };
    const rest = {} as Omit<Handlers, 'status.get'>;
    const joined = joinHandlers([rest, status as unknown as Pick<Handlers, 'status.get'>]);
    expect(joined['status.get']).toBe(status['status.get']);
  });

  it('refuses at start a channel two slices hold, even when a slice type hides it', () => {
    const rest = { 'sale.last': () => null } as unknown as Omit<Handlers, 'status.get'>;
    // This slice holds more than its declared type says: only the run-time check can see it.
    const hidden = { 'status.get': () => ({}), 'sale.last': () => null } as unknown as Pick<
      Handlers,
      'status.get'
    >;
    expect(() => joinHandlers([rest, hidden])).toThrow('two handlers for sale.last');
  });
});
