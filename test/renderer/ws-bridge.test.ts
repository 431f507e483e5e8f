// The web transport against a real WebSocket server (the `ws` package main uses), including a dropped
// connection: pending calls must resolve to a typed error, never hang or throw, and the bridge reconnects.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import type { BridgeMessage, BridgeRequest } from '@contract/bridge-protocol';
import type { StatusView } from '@contract/contract';
import {
  createWsBridge,
  type ConnectionState,
  type SocketFactory,
} from '../../renderer/src/platform/ws-bridge';

const nodeSocket: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.on('open', () => handlers.onOpen());
  ws.on('message', (data, isBinary) => {
    if (!isBinary) handlers.onMessage(data.toString());
  });
  ws.on('close', () => handlers.onClose());
  ws.on('error', () => undefined); // 'close' follows
  return { send: (text) => ws.send(text), close: () => ws.close() };
};

/** ws servers wait for their clients on close: cut them off first. */
const stop = (wss: WebSocketServer) =>
  new Promise<void>((resolve) => {
    for (const c of wss.clients) c.terminate();
    wss.close(() => resolve());
  });

type Handler = (req: BridgeRequest, reply: (msg: BridgeMessage) => void, socket: WebSocket) => void;

async function server(handler: Handler) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const sockets: WebSocket[] = [];
  wss.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => {
      const req = JSON.parse(data.toString()) as BridgeRequest;
      handler(req, (msg) => socket.send(JSON.stringify(msg)), socket);
    });
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/bridge`,
    wss,
    sockets,
    connections: () => sockets.length,
    close: () => stop(wss),
  };
}

const status: StatusView = {
  trainingMode: true,
  signedIn: null,
  gateway: { state: 'not-configured', detail: null },
  printer: { state: 'online', detail: null },
  storage: { state: 'ok', detail: null },
  payments: {
    pendingCount: 0,
    pendingMinor: 0,
    oldestPendingAt: null,
    nextDeadline: null,
    needsManager: 0,
    uploadsPending: 0,
  },
};

const until = async (cond: () => boolean, ms = 3_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('WebSocket bridge', () => {
  it('correlates concurrent requests by id, whatever order the answers come in', async () => {
    const held: [BridgeRequest, (m: BridgeMessage) => void][] = [];
    const srv = await server((req, reply) => {
      held.push([req, reply]);
      if (held.length === 2) {
        // Answer the second first.
        for (const [r, send] of [...held].reverse()) {
          send({
            type: 'result',
            id: r.id,
            result: { ok: true, value: { echo: r.channel, input: r.input } },
          });
        }
      }
    });
    cleanup.push(srv.close);
    const bridge = createWsBridge({ url: srv.url, createSocket: nodeSocket });
    cleanup.push(bridge.close);
    await bridge.ready;

    const [a, b] = await Promise.all([
      bridge.api.cart.scan({ code: '6901234567892' }),
      bridge.api.status.get({}),
    ]);
    expect(a).toEqual({ ok: true, value: { echo: 'cart.scan', input: { code: '6901234567892' } } });
    expect(b).toEqual({ ok: true, value: { echo: 'status.get', input: {} } });
    expect(held.map(([r]) => r.id)).toEqual([1, 2]);
  });

  it('dispatches pushed events to subscribers until they unsubscribe', async () => {
    const srv = await server(() => undefined);
    cleanup.push(srv.close);
    const bridge = createWsBridge({ url: srv.url, createSocket: nodeSocket });
    cleanup.push(bridge.close);
    await bridge.ready;

    const seen: StatusView[] = [];
    const off = bridge.api.on('status', (s) => seen.push(s));
    const other: unknown[] = [];
    bridge.api.on('cart', (c) => other.push(c));
    const push = () =>
      srv.sockets[0]?.send(JSON.stringify({ type: 'event', event: 'status', payload: status }));
    push();
    await until(() => seen.length === 1);
    off();
    push();
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([status]);
    expect(other).toEqual([]);
  });

  it('connection loss: pending calls get INTERNAL "connection lost", later calls fail fast, then it reconnects', async () => {
    const srv = await server((req, reply, socket) => {
      if (req.channel === 'sale.tenderCash')
        socket.terminate(); // dies mid-call
      else reply({ type: 'result', id: req.id, result: { ok: true, value: 'pong' } });
    });
    cleanup.push(srv.close);
    const states: ConnectionState[] = [];
    const bridge = createWsBridge({
      url: srv.url,
      createSocket: nodeSocket,
      backoffMs: () => 20,
      onState: (s) => states.push(s),
    });
    cleanup.push(bridge.close);
    await bridge.ready;
    expect(await bridge.api.status.get({})).toEqual({ ok: true, value: 'pong' });

    const tender = await bridge.api.sale.tenderCash({ cartId: 'c1', cartVersion: 3, tenderedMinor: 5000 });
    expect(tender).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'connection lost', detail: { reason: 'connection-lost' } },
    });
    expect(states).toContain('reconnecting');

    await until(() => bridge.state() === 'open');
    expect(srv.connections()).toBe(2);
    expect(await bridge.api.status.get({})).toEqual({ ok: true, value: 'pong' });
    expect(states).toEqual(['open', 'reconnecting', 'open']);
  });

  it('while disconnected, calls resolve at once with the typed error (the UI never hangs)', async () => {
    const srv = await server(() => undefined);
    const bridge = createWsBridge({ url: srv.url, createSocket: nodeSocket, backoffMs: () => 60_000 });
    cleanup.push(bridge.close);
    await bridge.ready;
    for (const s of srv.sockets) s.terminate();
    await srv.close();
    await until(() => bridge.state() === 'reconnecting');
    const r = await bridge.api.cart.get({});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('INTERNAL');
  });

  it('keeps retrying the first connection until the server is up', async () => {
    // Reserve a port, free it, start the bridge, then bring the server up on that port.
    const probe = await server(() => undefined);
    const { port } = probe.wss.address() as AddressInfo;
    await probe.close();
    const states: ConnectionState[] = [];
    const bridge = createWsBridge({
      url: `ws://127.0.0.1:${port}/bridge`,
      createSocket: nodeSocket,
      backoffMs: () => 25,
      onState: (s) => states.push(s),
    });
    cleanup.push(bridge.close);
    await new Promise((r) => setTimeout(r, 80));
    expect(bridge.state()).toBe('connecting');
    const wss = new WebSocketServer({ port, host: '127.0.0.1' });
    cleanup.push(() => stop(wss));
    await bridge.ready;
    expect(states).toEqual(['open']);
  });

  it('ignores frames it cannot use (bad JSON, unknown ids, id -1 answers)', async () => {
    const srv = await server((req, reply, socket) => {
      socket.send('not json');
      reply({ type: 'result', id: 999, result: { ok: true, value: 'stray' } });
      reply({
        type: 'result',
        id: -1,
        result: { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'x' } },
      });
      reply({ type: 'result', id: req.id, result: { ok: true, value: 'mine' } });
    });
    cleanup.push(srv.close);
    const bridge = createWsBridge({ url: srv.url, createSocket: nodeSocket });
    cleanup.push(bridge.close);
    await bridge.ready;
    expect(await bridge.api.cart.get({})).toEqual({ ok: true, value: 'mine' });
  });

  it('close() ends reconnection for good and fails what is pending', async () => {
    const srv = await server(() => undefined); // never answers
    cleanup.push(srv.close);
    const bridge = createWsBridge({ url: srv.url, createSocket: nodeSocket, backoffMs: () => 10 });
    await bridge.ready;
    const pending = bridge.api.cart.get({});
    bridge.close();
    expect((await pending).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 80));
    expect(bridge.state()).toBe('closed');
    expect(srv.connections()).toBe(1);
  });
});
