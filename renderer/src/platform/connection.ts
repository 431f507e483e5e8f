// A tiny observable for the transport state, read by React through useSyncExternalStore.
// The Electron preload has no connection to lose, so it reports 'open' from the start.
import type { ConnectionState } from './ws-bridge';

let current: ConnectionState = 'connecting';
const listeners = new Set<() => void>();

export function setConnectionState(next: ConnectionState): void {
  if (next === current) return;
  current = next;
  for (const l of [...listeners]) l();
}

export const getConnectionState = (): ConnectionState => current;

export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
