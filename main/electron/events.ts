// Host events -> the renderer. Events are state snapshots (status, cart), so while the page is still
// loading only the latest payload per event is kept and delivered once it has loaded; the page gets its
// full initial state from app.bootstrap anyway.
import { eventNames, type EventName, type Events } from '../api/contract';
import type { Host } from '../host-types';
import { eventChannel } from './channels';

export interface EventTargetWindowLike {
  isDestroyed(): boolean;
  readonly webContents: {
    send(channel: string, payload: unknown): void;
    once(event: 'did-finish-load', listener: () => void): unknown;
  };
}

export interface EventBridge {
  /** Point the bridge at a (new) window; events are held until that window's first load finishes. */
  attach(win: EventTargetWindowLike): void;
  /** Stop forwarding (unsubscribes from the host). */
  dispose(): void;
}

export function bridgeHostEvents(host: Pick<Host, 'subscribe'>): EventBridge {
  const pending = new Map<EventName, unknown>();
  let target: EventTargetWindowLike | null = null;
  let ready = false;

  const deliver = (event: EventName, payload: unknown): void => {
    if (target === null || target.isDestroyed()) return;
    target.webContents.send(eventChannel(event), payload);
  };

  const unsubscribe = host.subscribe(<E extends EventName>(event: E, payload: Events[E]) => {
    if (!eventNames.includes(event)) return; // only contract events cross the bridge
    if (ready) deliver(event, payload);
    else pending.set(event, payload);
  });

  return {
    attach(win) {
      target = win;
      ready = false;
      win.webContents.once('did-finish-load', () => {
        if (target !== win) return;
        ready = true;
        for (const [event, payload] of pending) deliver(event, payload);
        pending.clear();
      });
    },
    dispose() {
      unsubscribe();
      pending.clear();
      target = null;
    },
  };
}
