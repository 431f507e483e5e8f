// The WebSocket half of the web host: the same contract as Electron IPC, framed as BridgeRequest /
// BridgeMessage. Authentication happened at the upgrade (see server.ts); here every frame is still
// treated as untrusted input: malformed frames get a typed error, never a crash.
import type { WebSocket } from 'ws';
import type { BridgeMessage } from '../api/bridge-protocol';
import { err } from '../api/result';
import type { Host } from '../host-types';

const MAX_FRAME = 60_000_000; // a large CSV import is the biggest legitimate payload

export function serveBridge(
  ws: WebSocket,
  host: Host,
  log: (m: string, f?: Record<string, unknown>) => void,
): void {
  const send = (msg: BridgeMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const unsubscribe = host.subscribe((event, payload) => send({ type: 'event', event, payload }));
  ws.on('close', unsubscribe);
  ws.on('error', (e) => log('bridge socket error', { message: e.message }));

  ws.on('message', (data, isBinary) => {
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).length;
    if (isBinary || size > MAX_FRAME) {
      send({
        type: 'result',
        id: -1,
        result: err('INVALID_PAYLOAD', 'Frame must be JSON text within size limit'),
      });
      return;
    }
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      send({ type: 'result', id: -1, result: err('INVALID_PAYLOAD', 'Frame is not valid JSON') });
      return;
    }
    const f = frame as { id?: unknown; channel?: unknown; input?: unknown } | null;
    const id = typeof f?.id === 'number' && Number.isSafeInteger(f.id) ? f.id : -1;
    if (id < 0 || typeof f?.channel !== 'string') {
      send({
        type: 'result',
        id,
        result: err('INVALID_PAYLOAD', 'Frame needs a numeric id and a channel name'),
      });
      return;
    }
    void host.dispatchUntyped(f.channel, f.input).then((result) => send({ type: 'result', id, result }));
  });
}
