// Type-level test of the host's exactly-once handler join (main/ipc/join-handlers.ts), checked by
// `tsc -p tsconfig.json` (a step of `npm test`). Each @ts-expect-error below must meet an error: if the check
// stopped catching a missing, doubled or unknown channel, the directive itself would fail the type check.
import type { Handlers } from '../../../main/ipc/dispatcher';
import { joinHandlers } from '../../../main/ipc/join-handlers';

declare const all: Handlers;
declare const withoutStatus: Omit<Handlers, 'status.get'>;
declare const status: Pick<Handlers, 'status.get'>;
declare const sale: Pick<Handlers, 'sale.get' | 'sale.last'>;
declare const stray: { 'status.get': Handlers['status.get']; 'no.such': () => null };

export const checks = (): unknown[] => [
  // Every channel once: accepted.
  joinHandlers([withoutStatus, status]),
  joinHandlers([all]),
  // @ts-expect-error a channel without a handler (status.get)
  joinHandlers([withoutStatus]),
  // @ts-expect-error a channel handled twice (sale.get, sale.last)
  joinHandlers([withoutStatus, status, sale]),
  // @ts-expect-error a channel handled twice, the second slice being the whole table
  joinHandlers([status, all]),
  // @ts-expect-error a name that is no channel
  joinHandlers([withoutStatus, stray]),
];
