// Events pushed to every connected UI (status bar, cart and payment changes): services emit, shells subscribe.
import type { EventName, Events } from '../api/contract';

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface EventHub {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** A sink for one event, for a service that reports only that one (`onChange: events.to('cart')`). */
  to<E extends EventName>(event: E): (payload: Events[E]) => void;
  subscribe(listener: EventListener): () => void;
  clear(): void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    for (const l of listeners) l(event, payload);
  };
  return {
    emit,
    to: (event) => (payload) => emit(event, payload),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear: () => listeners.clear(),
  };
}
