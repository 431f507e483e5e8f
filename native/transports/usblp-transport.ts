// A USB printer through the Linux `usblp` driver's character device (/dev/usb/lp0): no libusb, no detaching,
// just a file. usblp reads and writes block until the printer answers — a blocking read parks a libuv pool
// thread for as long as the printer stays quiet, and enough of those wedge every fs and DNS call in the
// process. So the device is opened O_NONBLOCK and polled with backoff: EAGAIN means "nothing yet".
import fs from 'node:fs';
import { DisconnectSignal } from './disconnect-signal';
import { TransportError } from './transport';
import type { PrinterTransport, TransportErrorCode } from './transport';

/** The few file-handle calls used, so tests can inject failures (ENODEV after an unplug) a file cannot produce. */
export interface UsblpHandle {
  write(bytes: Uint8Array): Promise<number>;
  read(into: Uint8Array): Promise<number>;
  close(): Promise<void>;
}

export interface UsblpFs {
  open(path: string): Promise<UsblpHandle>;
}

// O_NONBLOCK does not exist on Windows; usblp is Linux-only, where it does.
const FLAGS = fs.constants.O_RDWR | (fs.constants.O_NONBLOCK ?? 0);

export const nodeUsblpFs: UsblpFs = {
  async open(path) {
    const h = await fs.promises.open(path, FLAGS);
    return {
      // position null: character devices have none, and a regular file (tests) keeps its own offset.
      write: async (bytes) => (await h.write(bytes, 0, bytes.length, null)).bytesWritten,
      read: async (into) => (await h.read(into, 0, into.length, null)).bytesRead,
      close: () => h.close(),
    };
  },
};

export interface UsblpTransportOptions {
  path: string;
  fs?: UsblpFs;
  /** A write that makes no progress for this long (printer stopped: paper out, cover open) fails TIMEOUT. */
  writeStallMs?: number;
}

const GONE = new Set(['ENODEV', 'EIO', 'ENXIO', 'EPIPE', 'ESHUTDOWN']);
const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException | null)?.code ?? '';

function errorCode(errno: string, open: boolean): TransportErrorCode {
  if (errno === 'ENOENT') return 'NOT_FOUND';
  if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EBUSY') return 'REFUSED';
  if (GONE.has(errno)) return open ? 'DISCONNECTED' : 'NOT_FOUND';
  if (errno === 'ETIMEDOUT') return 'TIMEOUT';
  return 'IO';
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const backoff = (attempt: number): number => Math.min(2 ** attempt, 25);

export class UsblpTransport implements PrinterTransport {
  readonly kind = 'usblp';
  readonly id: string;
  private readonly path: string;
  private readonly fs: UsblpFs;
  private readonly writeStallMs: number;
  private handle: UsblpHandle | null = null;
  private readonly signal = new DisconnectSignal();

  constructor(options: UsblpTransportOptions) {
    this.path = options.path;
    this.fs = options.fs ?? nodeUsblpFs;
    this.writeStallMs = options.writeStallMs ?? 30_000;
    this.id = `usblp:${options.path}`;
  }

  get isOpen(): boolean {
    return this.handle !== null;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    try {
      this.handle = await this.fs.open(this.path);
    } catch (e) {
      const errno = codeOf(e);
      const hint = errno === 'EACCES' ? ' (is the user in the lp group?)' : '';
      throw new TransportError(
        errorCode(errno, false),
        `${this.id}: cannot open (${errno || String(e)})${hint}`,
      );
    }
    this.signal.rearm();
  }

  async write(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    let attempt = 0;
    let lastProgress = Date.now();
    while (offset < bytes.length) {
      const handle = this.requireOpen();
      let n = 0;
      try {
        n = await handle.write(bytes.subarray(offset));
      } catch (e) {
        if (codeOf(e) !== 'EAGAIN') throw this.fail(handle, 'write', e);
      }
      if (n > 0) {
        offset += n;
        attempt = 0;
        lastProgress = Date.now();
        continue;
      }
      // The printer's buffer is full (or it is stopped): wait for room, but not forever.
      if (Date.now() - lastProgress >= this.writeStallMs)
        throw new TransportError(
          'TIMEOUT',
          `${this.id}: printer accepted no data for ${this.writeStallMs} ms`,
        );
      await sleep(backoff(attempt++));
    }
  }

  async read(max: number, timeoutMs: number): Promise<Uint8Array> {
    const deadline = Date.now() + Math.max(0, timeoutMs);
    const buffer = new Uint8Array(Math.max(1, max));
    for (let attempt = 0; ; attempt++) {
      const handle = this.requireOpen();
      let n = 0;
      try {
        n = await handle.read(buffer);
      } catch (e) {
        if (codeOf(e) !== 'EAGAIN') throw this.fail(handle, 'read', e);
      }
      // 0 bytes is "nothing yet" as much as EAGAIN is (usblp on a printer with nothing to say; EOF on a file).
      if (n > 0) return buffer.slice(0, n);
      const left = deadline - Date.now();
      if (left <= 0) return new Uint8Array(0);
      await sleep(Math.min(backoff(attempt), left));
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    this.handle = null;
    await handle.close().catch(() => undefined);
  }

  onDisconnect(listener: (error: TransportError) => void): () => void {
    return this.signal.add(listener);
  }

  private requireOpen(): UsblpHandle {
    if (!this.handle) throw new TransportError('DISCONNECTED', `${this.id}: not open`);
    return this.handle;
  }

  /** Maps an OS error; one that means the printer is gone ends the session and is reported once. */
  private fail(handle: UsblpHandle, what: string, e: unknown): TransportError {
    const errno = codeOf(e);
    const error = new TransportError(
      errorCode(errno, true),
      `${this.id}: ${what} failed (${errno || String(e)})`,
    );
    if (error.code === 'DISCONNECTED' && this.handle === handle) {
      this.handle = null;
      // The descriptor of an unplugged device is useless; closing it lets the replugged one be opened.
      void handle.close().catch(() => undefined);
      this.signal.fire(error);
    }
    return error;
  }
}
