// The printer client against a scripted transport: how DLE EOT answers become PrinterHealth, and that a
// garbled, missing or late answer is an error (never a guessed status) and a broken job is never "printed".
import { describe, expect, it } from 'vitest';
import { encodeStatusByte } from '../../../native/escpos/status';
import { createPrinterClient, GarbledStatusError } from '../../../native/printer/printer-client';
import { TransportError } from '../../../native/transports/transport';
import type { PrinterTransport } from '../../../native/transports/transport';

/** Answers DLE EOT n with answer(n) (null: stays silent); records everything written. */
class ScriptedTransport implements PrinterTransport {
  readonly id = 'test:scripted';
  readonly kind = 'tcp';
  isOpen = true;
  opens = 0;
  private readonly lostListeners = new Set<(e: TransportError) => void>();
  readonly written: number[] = [];
  /** Bytes queued for read(), oldest first. */
  inbox: number[] = [];
  writeFailsAfter: number | null = null;

  constructor(private readonly answer: (n: number) => number | null) {}

  async open(): Promise<void> {
    this.opens++;
    this.isOpen = true;
  }
  /** The link drops (and reports it), as a reset would. */
  drop(): void {
    this.isOpen = false;
    for (const l of this.lostListeners) l(new TransportError('DISCONNECTED', 'reset'));
  }
  async write(bytes: Uint8Array): Promise<void> {
    if (this.writeFailsAfter !== null && this.written.length + bytes.length > this.writeFailsAfter)
      throw new TransportError('DISCONNECTED', 'cable pulled');
    this.written.push(...bytes);
    if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) {
      const a = this.answer(bytes[2] as number);
      if (a !== null) this.inbox.push(a);
    }
  }
  async read(max: number, timeoutMs: number): Promise<Uint8Array> {
    if (this.inbox.length === 0) await new Promise((r) => setTimeout(r, timeoutMs));
    return Uint8Array.from(this.inbox.splice(0, max));
  }
  async close(): Promise<void> {
    this.isOpen = false;
  }
  onDisconnect(listener: (e: TransportError) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }
}

// Every DLE EOT n answers 0x12 (only the fixed bits set) when nothing is wrong.
const healthy = (_n: number): number => 0x12;

describe('createPrinterClient health()', () => {
  it('combines the four answers', async () => {
    const t = new ScriptedTransport((n) => {
      if (n === 1)
        return encodeStatusByte(1, {
          drawerSensorHigh: true,
          offline: true,
          waitingForRecovery: false,
          feedButtonPressed: false,
        });
      if (n === 2)
        return encodeStatusByte(2, {
          coverOpen: true,
          paperFedByButton: false,
          stoppedForPaperEnd: false,
          error: false,
        });
      if (n === 3)
        return encodeStatusByte(3, {
          cutterError: true,
          unrecoverableError: false,
          autoRecoverableError: true,
        });
      return encodeStatusByte(4, { paperNearEnd: true, paperOut: false });
    });
    expect(await createPrinterClient(t).health()).toEqual({
      online: false,
      coverOpen: true,
      paper: 'near-end',
      cutterError: true,
      unrecoverableError: false,
      autoRecoverableError: true,
      drawerSensor: true,
    });
    expect(t.written).toEqual([0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4]);
  });

  it('rejects a garbled status byte with a clear error instead of guessing', async () => {
    const t = new ScriptedTransport((n) => (n === 3 ? 0xff : healthy(n)));
    const error = await createPrinterClient(t)
      .health()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GarbledStatusError);
    expect((error as GarbledStatusError).request).toBe(3);
    expect((error as Error).message).toMatch(/DLE EOT 3.*0xff/);
  });

  it('rejects a missing answer with TIMEOUT', async () => {
    const t = new ScriptedTransport((n) => (n === 4 ? null : healthy(n)));
    const error = await createPrinterClient(t, { statusTimeoutMs: 20 })
      .health()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('TIMEOUT');
  });

  it('discards stale bytes left from an earlier query before asking', async () => {
    const t = new ScriptedTransport(healthy);
    // A late answer saying "cover open" must not be taken as the answer to the next DLE EOT 1.
    t.inbox.push(
      encodeStatusByte(2, {
        coverOpen: true,
        paperFedByButton: false,
        stoppedForPaperEnd: false,
        error: false,
      }),
    );
    expect((await createPrinterClient(t).health()).coverOpen).toBe(false);
  });

  it('serializes concurrent callers so answers are not swapped', async () => {
    const t = new ScriptedTransport((n) =>
      n === 4 ? encodeStatusByte(4, { paperNearEnd: false, paperOut: true }) : healthy(n),
    );
    const client = createPrinterClient(t);
    const [a, b] = await Promise.all([client.health(), client.health()]);
    expect(a).toEqual(b);
    expect(a.paper).toBe('out');
  });
});

describe('createPrinterClient print()', () => {
  const job = Uint8Array.from({ length: 1000 }, (_, i) => 0x20 + (i % 90));

  it('sends the job in chunks with status checks between them', async () => {
    const t = new ScriptedTransport(healthy);
    expect(await createPrinterClient(t, { chunkSize: 400 }).print(job)).toEqual({ ok: true });
    const body: number[] = [];
    for (let i = 0; i < t.written.length; i++) {
      if (t.written[i] === 0x10 && t.written[i + 1] === 0x04) i += 2;
      else body.push(t.written[i] as number);
    }
    expect(Uint8Array.from(body)).toEqual(job);
    // 1 check before + one after each of 3 chunks, 4 requests each.
    expect(t.written.length).toBe(job.length + 4 * 12);
  });

  it('does not send a job to a printer that is not ready', async () => {
    const t = new ScriptedTransport((n) =>
      n === 4 ? encodeStatusByte(4, { paperNearEnd: true, paperOut: true }) : healthy(n),
    );
    const result = await createPrinterClient(t).print(job);
    expect(result).toMatchObject({ ok: false, reason: 'paper-out', bytesAccepted: 0, bytesSent: 0 });
    expect(t.written.length).toBe(12);
  });

  it('reports a lost link mid-job as disconnected with the bytes accepted', async () => {
    const t = new ScriptedTransport(healthy);
    t.writeFailsAfter = 12 + 400 + 12 + 200;
    const result = await createPrinterClient(t, { chunkSize: 400 }).print(job);
    expect(result).toMatchObject({ ok: false, reason: 'disconnected', bytesAccepted: 400, bytesSent: 800 });
  });

  it('reports a printer that stops answering mid-job as offline, never as printed', async () => {
    let calls = 0;
    const t = new ScriptedTransport((n) => (++calls > 4 ? null : healthy(n)));
    const result = await createPrinterClient(t, { chunkSize: 400, statusTimeoutMs: 20 }).print(job);
    expect(result).toMatchObject({ ok: false, reason: 'offline', bytesAccepted: 400 });
  });

  it('reports a garbled answer mid-job as an error', async () => {
    let calls = 0;
    const t = new ScriptedTransport((n) => (++calls > 4 ? 0x00 : healthy(n)));
    const result = await createPrinterClient(t, { chunkSize: 400 }).print(job);
    expect(result).toMatchObject({ ok: false, reason: 'error', bytesAccepted: 400 });
    if (!result.ok) expect(result.detail).toMatch(/garbled/);
  });

  it('never reconnects mid-job: a link lost between chunks interrupts the job', async () => {
    const t = new ScriptedTransport(healthy);
    const write = t.write.bind(t);
    let chunks = 0;
    t.write = async (b) => {
      await write(b);
      if (b.length === 400 && ++chunks === 1) t.drop();
    };
    const result = await createPrinterClient(t, { chunkSize: 400 }).print(job);
    expect(result).toMatchObject({ ok: false, reason: 'disconnected', bytesAccepted: 400 });
    expect(t.opens).toBe(0);
  });

  it('notices a loss reported by onDisconnect even if the link is open again', async () => {
    const t = new ScriptedTransport(healthy);
    const write = t.write.bind(t);
    t.write = async (b) => {
      await write(b);
      if (b.length === 400) {
        t.drop();
        t.isOpen = true; // someone else reopened it
      }
    };
    const result = await createPrinterClient(t, { chunkSize: 400 }).print(job);
    expect(result).toMatchObject({ ok: false, reason: 'disconnected', bytesAccepted: 400 });
  });

  it('opens a closed transport before a job, not during it', async () => {
    const t = new ScriptedTransport(healthy);
    t.isOpen = false;
    expect(await createPrinterClient(t).print(job)).toEqual({ ok: true });
    expect(t.opens).toBe(1);
  });
});
