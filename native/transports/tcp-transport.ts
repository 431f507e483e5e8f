// A network receipt printer: raw ESC/POS over TCP (port 9100), status answers back on the same socket.
// A connection that dies without our close() (RST, printer power-off, cable pulled) is reported once through
// onDisconnect, and every write or read after that fails with DISCONNECTED instead of hanging.
import net from 'node:net';
import { ByteQueue } from './byte-queue';
import { DisconnectSignal } from './disconnect-signal';
import { TransportError } from './transport';
import type { PrinterTransport, TransportErrorCode } from './transport';

export interface TcpTransportOptions {
  host: string;
  /** 9100 unless told otherwise (the raw "JetDirect" port every network receipt printer listens on). */
  port?: number;
  /** Give up connecting after this long (an unplugged printer usually times out rather than refusing). */
  connectTimeoutMs?: number;
  /**
   * A write the printer does not take within this long (stopped with a full buffer: paper out, cover open)
   * fails TIMEOUT and drops the connection — the unsent rest of the job must not print minutes later, and
   * status requests would only queue behind it.
   */
  writeTimeoutMs?: number;
}

const CONNECT_ERRORS: Record<string, TransportErrorCode> = {
  ECONNREFUSED: 'REFUSED',
  ENOTFOUND: 'NOT_FOUND',
  EHOSTUNREACH: 'NOT_FOUND',
  ENETUNREACH: 'NOT_FOUND',
  EAI_AGAIN: 'NOT_FOUND',
  ETIMEDOUT: 'TIMEOUT',
};

export class TcpTransport implements PrinterTransport {
  readonly kind = 'tcp';
  readonly id: string;
  private readonly host: string;
  private readonly port: number;
  private readonly connectTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  private socket: net.Socket | null = null;
  private readonly incoming = new ByteQueue();
  private readonly signal = new DisconnectSignal();
  /** Writes whose callback has not run yet: rejected at once when the link drops. */
  private readonly pendingWrites = new Set<(error: TransportError) => void>();

  constructor(options: TcpTransportOptions) {
    this.host = options.host;
    this.port = options.port ?? 9100;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
    this.id = `tcp:${this.host}:${this.port}`;
  }

  get isOpen(): boolean {
    return this.socket !== null;
  }

  async open(): Promise<void> {
    if (this.socket) return;
    const socket = await this.connect();
    this.incoming.reset();
    this.signal.rearm();
    this.socket = socket;
    // Receipts are small and status queries are latency-bound: do not let Nagle hold a DLE EOT back.
    socket.setNoDelay(true);
    // Notices a printer that vanished while idle, not only while printing.
    socket.setKeepAlive(true, 10_000);
    let lastError: NodeJS.ErrnoException | null = null;
    socket.on('data', (chunk: Buffer) => this.incoming.push(chunk));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      lastError = e;
    });
    socket.on('close', () => {
      if (this.socket !== socket) return; // closed by close(): not a loss
      const why = lastError ? `${lastError.code ?? lastError.message}` : 'closed by the printer';
      this.lost(new TransportError('DISCONNECTED', `${this.id}: connection lost (${why})`));
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed || !socket.writable)
      return Promise.reject(new TransportError('DISCONNECTED', `${this.id}: not connected`));
    if (bytes.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = new TransportError(
          'TIMEOUT',
          `${this.id}: printer took no data for ${this.writeTimeoutMs} ms`,
        );
        socket.destroy();
        this.lost(error);
      }, this.writeTimeoutMs);
      const fail = (e: TransportError): void => {
        clearTimeout(timer);
        this.pendingWrites.delete(fail);
        reject(e);
      };
      this.pendingWrites.add(fail);
      // The callback runs once this chunk is handed to the kernel; waiting for it is what keeps a big job
      // from piling up in Node's memory while the printer is slow (or gone).
      socket.write(bytes, (err) => {
        if (!this.pendingWrites.delete(fail)) return; // already rejected by lost()
        clearTimeout(timer);
        if (err) reject(new TransportError('DISCONNECTED', `${this.id}: write failed (${err.message})`));
        else resolve();
      });
    });
  }

  read(max: number, timeoutMs: number): Promise<Uint8Array> {
    if (!this.socket && this.incoming.length === 0)
      return Promise.reject(new TransportError('DISCONNECTED', `${this.id}: not connected`));
    return this.incoming.take(max, timeoutMs);
  }

  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    const closed = new Error(`${this.id}: closed`);
    for (const fail of [...this.pendingWrites]) fail(new TransportError('DISCONNECTED', closed.message));
    this.incoming.fail(new TransportError('DISCONNECTED', closed.message));
    // end() lets queued bytes reach the printer before FIN; destroy() after a grace period if it never acks.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => socket.destroy(), 2000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.end();
    });
  }

  onDisconnect(listener: (error: TransportError) => void): () => void {
    return this.signal.add(listener);
  }

  private connect(): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TransportError('TIMEOUT', `${this.id}: no connection after ${this.connectTimeoutMs} ms`));
      }, this.connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        const code = CONNECT_ERRORS[e.code ?? ''] ?? 'IO';
        reject(new TransportError(code, `${this.id}: cannot connect (${e.code ?? e.message})`));
      });
    });
  }

  private lost(error: TransportError): void {
    this.socket = null;
    for (const fail of [...this.pendingWrites]) fail(error);
    this.incoming.fail(error);
    this.signal.fire(error);
  }
}
