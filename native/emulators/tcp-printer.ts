// A network receipt printer on loopback: raw ESC/POS in over TCP (port 9100 on a real one), status bytes
// back on the same socket. Faults a POS must survive can be switched on: refused connections, a connection
// reset part-way through a job, and the printer dropping off the network (stop / start on the same port).
import net from 'node:net';
import { EscPosPrinter } from './escpos-printer';

export interface TcpPrinterOptions {
  /** 0 (default) picks a free port on first start; later starts reuse it. */
  port?: number;
}

const HOST = '127.0.0.1';

export class TcpPrinterEmulator {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private boundPort: number;
  private refusing = false;
  private resetAfter: number | null = null;
  private accepted = 0;
  /** Where the printer's own output goes: the connection that last sent data (or connected). */
  private current: net.Socket | null = null;

  constructor(
    readonly printer: EscPosPrinter = new EscPosPrinter(),
    options: TcpPrinterOptions = {},
  ) {
    this.boundPort = options.port ?? 0;
    // Status bytes can appear without any input (automatic status back when the paper runs out, say).
    printer.onOutput(() => this.flush());
  }

  get host(): string {
    return HOST;
  }
  get port(): number {
    return this.boundPort;
  }
  get listening(): boolean {
    return this.server !== null;
  }
  /** Connections accepted and kept (refused ones are not counted). */
  get connectionCount(): number {
    return this.accepted;
  }

  /** Listen (again). Resolves with the port once connections are accepted. */
  async start(): Promise<number> {
    if (this.server) return this.boundPort;
    const server = net.createServer((socket) => this.onConnection(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.boundPort = (server.address() as net.AddressInfo).port;
    this.server = server;
    return this.boundPort;
  }

  /** Network loss: stop listening and drop every open connection. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** While on, connections are accepted by the OS and closed at once (a printer busy with another host). */
  refuseConnections(on: boolean): void {
    this.refusing = on;
  }

  /** Reset (RST) each later connection after it has sent `bytes` bytes; the printer sees only those. */
  resetConnectionsAfter(bytes: number | null): void {
    this.resetAfter = bytes;
  }

  private onConnection(socket: net.Socket): void {
    if (this.refusing) {
      socket.destroy();
      return;
    }
    this.accepted++;
    this.sockets.add(socket);
    this.current = socket;
    const limit = this.resetAfter;
    let received = 0;
    let reset = false;
    socket.on('data', (chunk: Buffer) => {
      if (reset) return;
      let data = chunk;
      reset = limit !== null && received + data.length >= limit;
      if (reset && limit !== null) data = data.subarray(0, limit - received);
      received += data.length;
      this.current = socket;
      this.printer.write(data);
      if (reset) socket.resetAndDestroy();
    });
    // Half-close from the host: the job is over; close our side too, as a printer does.
    socket.on('end', () => socket.end());
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (this.current === socket) this.current = null;
      // A connection is one job: whatever command it left unfinished is reported, not glued to the next job.
      this.printer.endOfJob();
    });
    // A client vanishing is the client's problem, never a crash of the emulator.
    socket.on('error', () => undefined);
  }

  /** Send what the printer has queued; with nobody connected it is lost, as on a real printer. */
  private flush(): void {
    const out = this.printer.readStatus();
    const socket = this.current;
    if (out.length > 0 && socket?.writable) socket.write(out);
  }
}
