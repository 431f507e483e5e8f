// The Host a shell gets from the composition root: both dispatchers (typed for code, unchecked for a
// transport), refused once closed; every call noted as activity (housekeeping waits for a quiet moment);
// events; and close(), which stops the running parts in the order given and then closes the store.
import type { Host } from '../host-types';
import { typedDispatch, type WireDispatch } from './dispatcher';
import type { EventHub } from './events';

export interface Stoppable {
  stop(): void | Promise<void>;
}

export interface HostSurfaceDeps {
  readonly dispatch: WireDispatch;
  readonly events: Pick<EventHub, 'subscribe' | 'clear'>;
  /** each call, before it runs */
  readonly onCall: () => void;
  /** stopped one after the other: each finishes its step in progress before the next stops */
  readonly stopInOrder: readonly Stoppable[];
  /** last: the database goes away */
  readonly closeStore: () => void;
}

export function hostSurface(d: HostSurfaceDeps): Host {
  let closed = false;
  const run: WireDispatch = (channel, payload) => {
    if (closed) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'host closed' } });
    d.onCall();
    return d.dispatch(channel, payload);
  };
  return {
    dispatch: typedDispatch(run),
    dispatchUntyped: run,
    subscribe: (listener) => d.events.subscribe(listener),
    async close() {
      if (closed) return;
      closed = true;
      d.events.clear();
      for (const part of d.stopInOrder) await part.stop();
      d.closeStore();
    },
  };
}
