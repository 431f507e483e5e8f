// The network printer emulator over real loopback sockets: print, status on the same socket, and the
// faults (refused, reset mid-job, network loss and return on the same port).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EscPosPrinter } from '../../../native/emulators/escpos-printer';
import { TcpPrinterEmulator } from '../../../native/emulators/tcp-printer';
import { parseAsb, parseStatusByte } from '../../../native/escpos/status';
import { bytes, DLE, ESC, GS, LF } from '../../support/bytes';

interface Client {
  socket: net.Socket;
  received: number[];
  closed: Promise<{ error: string | null }>;
}

function connect(port: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const received: number[] = [];
    let error: string | null = null;
    socket.on('data', (d: Buffer) => received.push(...d));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
      reject(e);
    });
    const closed = new Promise<{ error: string | null }>((r) => socket.on('close', () => r({ error })));
    socket.once('connect', () => resolve({ socket, received, closed }));
  });
}

async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const lines = (p: EscPosPrinter): string[] => p.roll.flatMap((i) => (i.kind === 'line' ? [i.text] : []));

let emulator: TcpPrinterEmulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

describe('TcpPrinterEmulator', () => {
  it('listens on loopback only, on a random port', async () => {
    emulator = new TcpPrinterEmulator();
    const port = await emulator.start();
    expect(port).toBeGreaterThan(0);
    expect(emulator.host).toBe('127.0.0.1');
  });

  it('prints what it receives and answers DLE EOT on the same socket', async () => {
    emulator = new TcpPrinterEmulator();
    const port = await emulator.start();
    const c = await connect(port);
    c.socket.write(bytes(ESC, '@', 'hello', LF, DLE, 4, 1));
    await until(() => c.received.length === 1, 'status byte');
    expect(parseStatusByte(1, c.received[0] ?? 0)).toMatchObject({ ok: true, status: { offline: false } });

    emulator.printer.runOutOfPaperAfter(1);
    c.socket.write(bytes('more', LF, 'lost', LF, DLE, 4, 4));
    await until(() => c.received.length === 2, 'second status byte');
    expect(parseStatusByte(4, c.received[1] ?? 0)).toMatchObject({ ok: true, status: { paperOut: true } });
    expect(lines(emulator.printer)).toEqual(['hello', 'more']);

    c.socket.end();
    expect(await c.closed).toEqual({ error: null });
  });

  it('reassembles a full-width raster band that arrives in many TCP segments', async () => {
    emulator = new TcpPrinterEmulator();
    const port = await emulator.start();
    const widthBytes = 72; // 576 dots: 80 mm paper
    const height = 255;
    const data = Uint8Array.from({ length: widthBytes * height }, (_, i) => (i * 7) & 0xff);
    const job = bytes(GS, 'v', '0', 0, widthBytes, 0, height, 0, data, DLE, 4, 4);
    const c = await connect(port);
    for (let i = 0; i < job.length; i += 1000) c.socket.write(job.subarray(i, i + 1000));
    await until(() => c.received.length === 1, 'status after image');
    expect(emulator.printer.roll).toEqual([
      { kind: 'image', format: 'raster', widthDots: 576, height, data },
    ]);
    expect(emulator.printer.problems).toEqual([]);
    c.socket.destroy();
  });

  it('pushes automatic status back to the host when the paper runs out, with no request', async () => {
    emulator = new TcpPrinterEmulator();
    const port = await emulator.start();
    const c = await connect(port);
    c.socket.write(bytes(GS, 'a', 0xff));
    await until(() => c.received.length === 4, 'first ASB message');
    emulator.printer.setPaper('out'); // the world changes; the host sent nothing
    await until(() => c.received.length === 8, 'ASB message on paper out');
    expect(parseAsb(Uint8Array.from(c.received.slice(4)))).toMatchObject({
      ok: true,
      status: { paperOut: true, offline: true },
    });
    c.socket.destroy();
  });

  it('refuses connections when told to, then accepts again', async () => {
    emulator = new TcpPrinterEmulator();
    const port = await emulator.start();
    emulator.refuseConnections(true);
    const c = await connect(port);
    c.socket.write(bytes('x', LF));
    await c.closed;
    expect(emulator.connectionCount).toBe(0);
    expect(emulator.printer.roll).toEqual([]);

    emulator.refuseConnections(false);
    const ok = await connect(port);
    ok.socket.write(bytes('y', LF));
    await until(() => emulator?.printer.roll.length === 1, 'printed line');
    expect(lines(emulator.printer)).toEqual(['y']);
    ok.socket.destroy();
  });

  it('resets a connection mid-job after N bytes; the printer saw exactly those bytes', async () => {
    emulator = new TcpPrinterEmulator();
    const port = await emulator.start();
    const job = bytes('one', LF, 'two', LF, GS, 'v', '0', 0, 1, 0, 4, 0, 1, 2, 3, 4, 'three', LF);
    emulator.resetConnectionsAfter(14); // inside the raster command
    const c = await connect(port);
    c.socket.on('error', () => undefined);
    c.socket.write(job);
    const { error } = await c.closed;
    expect(error).toBe('ECONNRESET');
    const printer = emulator.printer;
    await until(() => printer.problems.length === 1, 'truncated report');
    expect(lines(printer)).toEqual(['one', 'two']);
    expect(printer.problems).toMatchObject([
      { type: 'truncated', name: 'GS v 0', bytes: job.subarray(8, 14) },
    ]);

    // The next connection starts a clean job.
    emulator.resetConnectionsAfter(null);
    const next = await connect(port);
    next.socket.write(bytes('four', LF));
    await until(() => lines(printer).length === 3, 'next job');
    expect(lines(printer)).toEqual(['one', 'two', 'four']);
    next.socket.destroy();
  });

  it('stop drops connections and refuses new ones; start listens again on the same port', async () => {
    emulator = new TcpPrinterEmulator();
    const port = await emulator.start();
    const c = await connect(port);
    c.socket.on('error', () => undefined);
    await emulator.stop();
    expect(emulator.listening).toBe(false);
    await c.closed;
    await expect(connect(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    expect(await emulator.start()).toBe(port);
    const again = await connect(port);
    again.socket.write(bytes('back', LF, DLE, 4, 2));
    await until(() => again.received.length === 1, 'status after restart');
    expect(lines(emulator.printer)).toEqual(['back']);
    again.socket.destroy();
  });
});
