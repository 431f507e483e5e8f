// A Node client of the web host's WebSocket bridge, for crash tests that need calls at machine speed.
// It authenticates exactly as the browser does (session cookie + same Origin).
import WebSocket from 'ws';
import type { Channel, Input, Output } from '../../main/api/contract';
import type { Result } from '../../main/api/result';

export interface BridgeClient {
  /** Typed per channel like host.dispatch: the host behind the bridge answers `channel` with its Output. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  close(): void;
}

export async function connectBridge(url: string): Promise<BridgeClient> {
  const u = new URL(url);
  const token = u.searchParams.get('token') ?? '';
  const ws = new WebSocket(`ws://${u.host}/bridge`, {
    headers: { cookie: `pos_session=${token}`, origin: u.origin },
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 1;
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; reject: (e: Error) => void }>();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as { type: string; id: number; result: Result<unknown> };
    if (msg.type !== 'result') return;
    pending.get(msg.id)?.resolve(msg.result);
    pending.delete(msg.id);
  });
  ws.on('close', () => {
    for (const p of pending.values()) p.reject(new Error('connection lost'));
    pending.clear();
  });
  ws.on('error', () => undefined);
  return {
    call: <C extends Channel>(channel: C, input: Input<C>) =>
      new Promise<Result<Output<C>>>((resolve, reject) => {
        const id = next++;
        // The frame is JSON off the wire; the bridge answers this id from channel C's handler.
        pending.set(id, { resolve: (r) => resolve(r as Result<Output<C>>), reject });
        ws.send(JSON.stringify({ id, channel, input }));
      }),
    close: () => ws.close(),
  };
}
