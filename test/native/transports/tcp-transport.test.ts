// The TCP transport and printer client against the loopback printer emulator: printing, status, and the
// faults a network printer really has (refused, reset mid-job, gone and back on the same port).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EscPosPrinter } from '../../../native/emulators/escpos-printer';
import { TcpPrinterEmulator } from '../../../native/emulators/tcp-printer';
import { createPrinterClient } from '../../../native/printer/printer-client';
import { TcpTransport } from '../../../native/transports/tcp-transport';
import { TransportError } from '../../../native/transports/transport';
import type { TransportErrorCode } from '../../../native/transports/transport';
import { bytes, ESC, LF } from '../../support/bytes';

let emulator: TcpPrinterEmulator | undefined;
let transport: TcpTransport | undefined;
afterEach(async () => {
  await transport?.close();
  await emulator?.stop();
  transport = undefined;
  emulator = undefined;
});

async function start(printer = new EscPosPrinter()): Promise<{ emu: TcpPrinterEmulator; t: TcpTransport }> {
  emulator = new TcpPrinterEmulator(printer);
  const port = await emulator.start();
  transport = new TcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 2000 });
  return { emu: emulator, t: transport };
}

async function codeOf(p: Promise<unknown>): Promise<TransportErrorCode | 'resolved'> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    if (e instanceof TransportError) return e.code;
    throw e;
  }
}

const receipt = (n: number): Uint8Array =>
  bytes(
    ESC,
    '@',
    Array.from({ length: n }, (_, i) => [`line ${i}`, LF]),
  );

async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('TcpTransport', () => {
  it('defaults to port 9100 and has a readable id', () => {
    expect(new TcpTransport({ host: '192.0.2.10' }).id).toBe('tcp:192.0.2.10:9100');
  });

  it('prints a job and reads health over one socket', async () => {
    const { emu, t } = await start();
    await t.open();
    expect(t.isOpen).toBe(true);
    const client = createPrinterClient(t, { statusTimeoutMs: 1000 });
    const health = await client.health();
    expect(health).toEqual({
      online: true,
      coverOpen: false,
      paper: 'ok',
      cutterError: false,
      unrecoverableError: false,
      autoRecoverableError: false,
      drawerSensor: false,
    });
    expect(await client.print(receipt(3))).toEqual({ ok: true });
    await until(() => emu.printer.roll.length >= 3, 'three lines');
    expect(emu.printer.renderText()).toContain('line 2');
    expect(emu.printer.problems).toEqual([]);
  });

  it('reports near-end paper and an open cover', async () => {
    const { emu, t } = await start();
    await t.open();
    const client = createPrinterClient(t);
    emu.printer.setPaper('nearEnd');
    expect((await client.health()).paper).toBe('near-end');
    emu.printer.setCoverOpen(true);
    const h = await client.health();
    expect(h.coverOpen).toBe(true);
    expect(h.online).toBe(false);
    expect(await client.print(receipt(1))).toMatchObject({
      ok: false,
      reason: 'cover-open',
      bytesAccepted: 0,
    });
  });

  it('maps a refused connection to REFUSED', async () => {
    const { emu, t } = await start();
    await emu.stop(); // nothing listens on the port any more: the kernel answers RST
    expect(await codeOf(t.open())).toBe('REFUSED');
    expect(t.isOpen).toBe(false);
  });

  it('reports a reset mid-job as interrupted, with the bytes accepted so far', async () => {
    const { emu, t } = await start();
    emu.resetConnectionsAfter(600);
    await t.open();
    const lost: TransportError[] = [];
    t.onDisconnect((e) => lost.push(e));
    const job = receipt(400);
    const client = createPrinterClient(t, { chunkSize: 256, statusTimeoutMs: 1000 });
    const result = await client.print(job);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('disconnected');
    expect(result.bytesAccepted).toBeGreaterThan(0);
    expect(result.bytesAccepted).toBeLessThan(job.length);
    await until(() => lost.length === 1, 'onDisconnect');
    expect(lost[0]?.code).toBe('DISCONNECTED');
    expect(t.isOpen).toBe(false);
    expect(await codeOf(t.write(bytes('x')))).toBe('DISCONNECTED');
    expect(await codeOf(t.read(1, 10))).toBe('DISCONNECTED');
    expect(lost).toHaveLength(1);
  });

  it('notices the printer dropping off the network, and reopens once it is back', async () => {
    const { emu, t } = await start();
    await t.open();
    const lost: TransportError[] = [];
    t.onDisconnect((e) => lost.push(e));
    await emu.stop();
    await until(() => lost.length === 1, 'onDisconnect');
    expect(await codeOf(t.open())).toBe('REFUSED');
    await emu.start();
    await t.open();
    const client = createPrinterClient(t);
    expect(await client.print(receipt(2))).toEqual({ ok: true });
    await until(() => emu.printer.roll.length >= 2, 'two lines');
    // The second session can report its own loss.
    await emu.stop();
    await until(() => lost.length === 2, 'second onDisconnect');
  });

  it('close() is not a disconnect, and read times out empty while open', async () => {
    const { t } = await start();
    await t.open();
    const lost: TransportError[] = [];
    t.onDisconnect((e) => lost.push(e));
    const t0 = Date.now();
    expect(await t.read(4, 50)).toHaveLength(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(40);
    await t.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(lost).toEqual([]);
    expect(await codeOf(t.write(bytes('x')))).toBe('DISCONNECTED');
  });

  it('fails a write the printer never takes with TIMEOUT and drops the connection', async () => {
    // A "printer" that accepts the connection and never reads: the socket buffers fill and the write stalls.
    const accepted: net.Socket[] = [];
    const server = net.createServer((socket) => {
      socket.pause();
      accepted.push(socket);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as net.AddressInfo).port;
      transport = new TcpTransport({ host: '127.0.0.1', port, writeTimeoutMs: 200 });
      await transport.open();
      const lost: TransportError[] = [];
      transport.onDisconnect((e) => lost.push(e));
      const t0 = Date.now();
      expect(await codeOf(transport.write(new Uint8Array(64 * 1024 * 1024)))).toBe('TIMEOUT');
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(transport.isOpen).toBe(false);
      expect(lost.map((e) => e.code)).toEqual(['TIMEOUT']);
    } finally {
      await transport?.close();
      for (const s of accepted) s.destroy();
      await new Promise<void>((r) => {
        server.close(() => r());
      });
    }
  });

  it('the printer client reconnects by itself after the connection was lost', async () => {
    const { emu, t } = await start();
    const client = createPrinterClient(t);
    expect((await client.health()).online).toBe(true); // opened on demand
    await emu.stop();
    await until(() => !t.isOpen, 'loss noticed');
    // Reconnecting is refused while nothing listens: offline, and nothing of the job was sent.
    expect(await client.print(receipt(1))).toMatchObject({ ok: false, reason: 'offline', bytesSent: 0 });
    await emu.start();
    expect(await client.print(receipt(2))).toEqual({ ok: true });
    await until(() => emu.printer.roll.length >= 2, 'two lines');
    expect(emu.connectionCount).toBe(2);
  });
});
