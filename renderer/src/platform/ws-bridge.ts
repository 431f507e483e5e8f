// The web build's transport: the same PosApi as the Electron preload, framed over one WebSocket
// (BridgeRequest / BridgeMessage). Transport-agnostic on purpose: the socket comes from a factory, so
// this file has no DOM types and is tested in Node against a real `ws` server.
import { buildPosApi, type Channel, type EventName, type PosApi } from '@contract/contract';
import type { BridgeMessage, BridgeRequest } from '@contract/bridge-protocol';
import type { Result } from '@contract/result';
import { connectionLost } from './connection-lost';

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Fired once per socket, also after a failed connect. */
  onClose(): void;
}
export interface SocketHandle {
  send(text: string): void;
  close(): void;
}
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketHandle;

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface WsBridgeOptions {
  readonly url: string;
  readonly createSocket: SocketFactory;
  /** Delay before reconnect attempt n (0-based). */
  readonly backoffMs?: (attempt: number) => number;
  readonly onState?: (state: ConnectionState) => void;
}

export interface WsBridge {
  readonly api: PosApi;
  /** Resolves when the first connection opens (the app cannot bootstrap before that). */
  readonly ready: Promise<void>;
  state(): ConnectionState;
  close(): void;
}

export const defaultBackoff = (attempt: number): number => Math.min(5_000, 250 * 2 ** attempt);

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const backoff = options.backoffMs ?? defaultBackoff;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let state: ConnectionState = 'connecting';
  let socket: SocketHandle | null = null;
  let nextId = 1;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    options.onState?.(next);
  };

  const failPending = (): void => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting) resolve(connectionLost());
  };

  const onMessage = (text: string): void => {
    let msg: BridgeMessage;
    try {
      msg = JSON.parse(text) as BridgeMessage;
    } catch {
      return; // not ours to crash on; the server only sends JSON
    }
    if (msg.type === 'result') {
      const resolve = pending.get(msg.id);
      if (!resolve) return; // id -1: the server could not read a frame; nothing is waiting on it
      pending.delete(msg.id);
      resolve(msg.result);
    } else if (msg.type === 'event') {
      for (const listener of [...(listeners.get(msg.event) ?? [])]) {
        try {
          listener(msg.payload);
        } catch (error) {
          // One broken subscriber must not starve the others; surface it asynchronously.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  };

  const connect = (): void => {
    const own = options.createSocket(options.url, {
      onOpen: () => {
        if (socket !== own) return;
        attempt = 0;
        setState('open');
        markReady();
      },
      onMessage: (text) => {
        if (socket === own) onMessage(text);
      },
      onClose: () => {
        if (socket !== own) return;
        socket = null;
        failPending();
        if (state === 'closed') return;
        setState(state === 'connecting' ? 'connecting' : 'reconnecting');
        timer = setTimeout(connect, backoff(attempt++));
      },
    });
    socket = own;
  };

  const invoke = (channel: Channel, input: unknown): Promise<Result<unknown>> => {
    if (state !== 'open' || !socket) return Promise.resolve(connectionLost());
    const id = nextId++;
    const request: BridgeRequest = { id, channel, input };
    return new Promise((resolve) => {
      pending.set(id, resolve);
      try {
        socket?.send(JSON.stringify(request));
      } catch {
        pending.delete(id);
        resolve(connectionLost());
      }
    });
  };

  const subscribe = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  };

  connect();
  return {
    api: buildPosApi(invoke, subscribe),
    ready,
    state: () => state,
    close: () => {
      setState('closed');
      clearTimeout(timer);
      const s = socket;
      socket = null;
      failPending();
      s?.close();
    },
  };
}
