// The usblp transport: real files (a regular file and a FIFO, which blocks like the device would) and an
// injected fs facade for what only hardware does (EAGAIN while the printer is busy, ENODEV after an unplug).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EscPosPrinter } from '../../../native/emulators/escpos-printer';
import { createPrinterClient } from '../../../native/printer/printer-client';
import { TransportError } from '../../../native/transports/transport';
import type { TransportErrorCode } from '../../../native/transports/transport';
import { UsblpTransport } from '../../../native/transports/usblp-transport';
import type { UsblpFs, UsblpHandle } from '../../../native/transports/usblp-transport';
import { bytes, ESC, LF } from '../../support/bytes';

async function codeOf(p: Promise<unknown>): Promise<TransportErrorCode | 'resolved'> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    if (e instanceof TransportError) return e.code;
    throw e;
  }
}

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

/** A facade over scripted handle behaviour. */
function facade(handle: Partial<UsblpHandle>): UsblpFs & { closed: number } {
  const f = {
    closed: 0,
    open: async (): Promise<UsblpHandle> => ({
      write: handle.write ?? (async (b) => b.length),
      read: handle.read ?? (async () => 0),
      close: async () => {
        f.closed++;
      },
    }),
  };
  return f;
}

let dir: string;
let transport: UsblpTransport | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usblp-'));
});
afterEach(async () => {
  await transport?.close();
  transport = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('UsblpTransport on real files', () => {
  it('writes every byte of a job, in order', async () => {
    const file = path.join(dir, 'lp0');
    fs.writeFileSync(file, '');
    transport = new UsblpTransport({ path: file });
    expect(transport.id).toBe(`usblp:${file}`);
    await transport.open();
    const job = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff);
    await transport.write(job);
    await transport.close();
    expect(new Uint8Array(fs.readFileSync(file))).toEqual(job);
  });

  it('maps a missing device to NOT_FOUND', async () => {
    transport = new UsblpTransport({ path: path.join(dir, 'lp9') });
    expect(await codeOf(transport.open())).toBe('NOT_FOUND');
    expect(transport.isOpen).toBe(false);
  });

  it.skipIf(process.platform !== 'linux')(
    'reads without blocking the event loop on a device that has nothing to say (FIFO)',
    async () => {
      const fifo = path.join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      transport = new UsblpTransport({ path: fifo });
      await transport.open();
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      const t0 = Date.now();
      const empty = await transport.read(8, 200);
      clearInterval(timer);
      expect(empty).toHaveLength(0);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
      expect(ticks).toBeGreaterThanOrEqual(5);
      // Bytes that do arrive are returned (the FIFO loops our own write back).
      await transport.write(bytes('ok'));
      expect(Array.from(await transport.read(8, 1000))).toEqual([0x6f, 0x6b]);
    },
  );
});

describe('UsblpTransport with an injected fs', () => {
  it('maps ENODEV on write to DISCONNECTED, once, and closes the descriptor', async () => {
    const f = facade({
      write: async () => {
        throw errno('ENODEV');
      },
    });
    transport = new UsblpTransport({ path: '/dev/usb/lp0', fs: f });
    await transport.open();
    const lost: TransportError[] = [];
    transport.onDisconnect((e) => lost.push(e));
    expect(await codeOf(transport.write(bytes('x')))).toBe('DISCONNECTED');
    expect(transport.isOpen).toBe(false);
    expect(await codeOf(transport.write(bytes('x')))).toBe('DISCONNECTED');
    expect(lost.map((e) => e.code)).toEqual(['DISCONNECTED']);
    await new Promise((r) => setTimeout(r, 0));
    expect(f.closed).toBe(1);
  });

  it('maps EIO on read to DISCONNECTED', async () => {
    transport = new UsblpTransport({
      path: '/dev/usb/lp0',
      fs: facade({
        read: async () => {
          throw errno('EIO');
        },
      }),
    });
    await transport.open();
    expect(await codeOf(transport.read(1, 100))).toBe('DISCONNECTED');
  });

  it('maps EACCES on open to REFUSED with a hint', async () => {
    transport = new UsblpTransport({
      path: '/dev/usb/lp0',
      fs: {
        open: async () => {
          throw errno('EACCES');
        },
      },
    });
    await expect(transport.open()).rejects.toThrow(/lp group/);
  });

  it('retries EAGAIN and short writes until every byte is written', async () => {
    const out: number[] = [];
    let calls = 0;
    transport = new UsblpTransport({
      path: '/dev/usb/lp0',
      fs: facade({
        write: async (b) => {
          calls++;
          if (calls % 2 === 1) throw errno('EAGAIN');
          const n = Math.min(3, b.length);
          out.push(...b.subarray(0, n));
          return n;
        },
      }),
    });
    await transport.open();
    const job = bytes('hello world');
    await transport.write(job);
    expect(Uint8Array.from(out)).toEqual(job);
  });

  it('fails a write that makes no progress with TIMEOUT', async () => {
    transport = new UsblpTransport({
      path: '/dev/usb/lp0',
      writeStallMs: 50,
      fs: facade({
        write: async () => {
          throw errno('EAGAIN');
        },
      }),
    });
    await transport.open();
    expect(await codeOf(transport.write(bytes('x')))).toBe('TIMEOUT');
    expect(transport.isOpen).toBe(true);
  });

  it('prints and reads health through a printer behind the facade', async () => {
    const printer = new EscPosPrinter();
    let pending: number[] = [];
    printer.onOutput(() => pending.push(...printer.readStatus()));
    transport = new UsblpTransport({
      path: '/dev/usb/lp0',
      fs: facade({
        write: async (b) => {
          printer.write(b);
          return b.length;
        },
        read: async (into) => {
          if (pending.length === 0) throw errno('EAGAIN');
          const n = Math.min(into.length, pending.length);
          into.set(pending.slice(0, n));
          pending = pending.slice(n);
          return n;
        },
      }),
    });
    await transport.open();
    const client = createPrinterClient(transport, { statusTimeoutMs: 300 });
    expect(await client.health()).toMatchObject({ online: true, paper: 'ok' });
    expect(await client.print(bytes(ESC, '@', 'usblp', LF))).toEqual({ ok: true });
    expect(printer.renderText()).toContain('usblp');
    printer.setCoverOpen(true);
    expect(await client.print(bytes('x', LF))).toMatchObject({
      ok: false,
      reason: 'cover-open',
      bytesAccepted: 0,
    });
  });
});
