// (d) How long a customer waits for paper: from the cash-sale commit returning (host.dispatch('sale.tenderCash')
// resolved) to the last byte of that sale's receipt accepted by a network printer (the TCP 9100 emulator on
// loopback, configured in config.json as a shop would: not training mode, cn-80 text mode, drawer kick on
// cash). That path is: wake the worker, DLE EOT health, the drawer kick job, health again, render the receipt,
// send it in chunks with status checks between them. Baseline, same run, interleaved: writing the very same
// receipt bytes over a plain, already-connected net.Socket to the same emulator until it has accepted them.
// Figures only; no target.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Channel, Input, Output } from '../main/api/contract';
import { DEMO } from '../main/catalog/demo';
import { DEFAULT_CONFIG } from '../main/config/config';
import { createHost } from '../main/host';
import type { Host } from '../main/host-types';
import { EscPosPrinter } from '../native/emulators/escpos-printer';
import { TcpPrinterEmulator } from '../native/emulators/tcp-printer';
import { percentile, type BenchReport } from './lib';
import { concatBytes } from '../native/bytes/concat';

const SALES = 50;
const WARMUP = 3;

/** Only DLE EOT n requests (the worker's and client's health questions), nothing that prints. */
const isStatusOnly = (b: Uint8Array): boolean => {
  if (b.length === 0 || b.length % 3 !== 0) return false;
  for (let i = 0; i < b.length; i += 3) if (b[i] !== 0x10 || b[i + 1] !== 0x04) return false;
  return true;
};

/** The emulated printer, timestamping every chunk that arrives. */
class TimedPrinter extends EscPosPrinter {
  received = 0;
  /** when the last chunk that was not a status request arrived */
  lastDataAt = 0;
  /** chunks that were not status requests, since the last take() */
  private chunks: Uint8Array[] = [];

  override write(bytes: Uint8Array): void {
    super.write(bytes);
    this.received += bytes.length;
    if (!isStatusOnly(bytes)) {
      this.lastDataAt = performance.now();
      this.chunks.push(Uint8Array.from(bytes));
    }
  }
  take(): Uint8Array[] {
    const out = this.chunks;
    this.chunks = [];
    return out;
  }
}

const concat = concatBytes;

async function until(ok: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = performance.now() + ms;
  while (!(await ok())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

async function call<C extends Channel>(host: Host, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await host.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

export default async function run(): Promise<BenchReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-print-'));
  const printer = new TimedPrinter({ chineseByDefault: true });
  const emulator = new TcpPrinterEmulator(printer);
  let host: Host | null = null;
  let socket: net.Socket | null = null;
  const app: number[] = [];
  const baseline: number[] = [];
  let receiptBytes = 0;
  try {
    const port = await emulator.start();
    await (await createHost({ dataDir: dir, log: () => undefined })).close(); // seeds the demo catalog
    const config = {
      ...DEFAULT_CONFIG,
      trainingMode: false,
      printer: { profileId: 'cn-80', connection: { kind: 'tcp', host: emulator.host, port } },
    };
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    const h = await createHost({ dataDir: dir, log: () => undefined });
    host = h;
    const idle = async (): Promise<boolean> => {
      const s = await call(h, 'printer.status', {});
      return s.queue.waiting === 0 && s.queue.printing === 0;
    };
    await until(async () => (await call(h, 'printer.status', {})).state === 'online', 'online');

    const s = net.connect({ host: emulator.host, port });
    socket = s;
    s.setNoDelay(true); // as the app's TcpTransport does
    s.on('data', () => undefined); // status answers meant for us are read and dropped
    await new Promise<void>((resolve, reject) => s.once('connect', resolve).once('error', reject));

    for (let i = 0; i < SALES + WARMUP; i++) {
      // ---- the app: commit, then wait until the printer has the whole receipt ----
      const cart = await call(h, 'cart.scan', {
        code: i % 2 ? DEMO.cola.barcode : DEMO.water.barcode,
      });
      printer.take();
      const sale = await call(h, 'sale.tenderCash', {
        cartId: cart.cartId,
        cartVersion: cart.version,
        tenderedMinor: 10_000,
      });
      const committed = performance.now();
      await until(idle, 'the receipt to print');
      const sent = printer.take();
      // The drawer kick (ESC p, 5 bytes) goes first, as its own job; the rest is the receipt.
      const receipt = concat(
        sent[0]?.length === 5 && sent[0][0] === 0x1b && sent[0][1] === 0x70 ? sent.slice(1) : sent,
      );
      if (!printer.renderText().includes(sale.receiptNo))
        throw new Error(`receipt ${sale.receiptNo} not printed`);
      const appMs = printer.lastDataAt - committed;

      // ---- baseline: the same bytes over a plain socket, until the emulator accepted all of them ----
      const target = printer.received + receipt.length;
      const t0 = performance.now();
      s.write(receipt);
      await until(() => printer.received >= target, 'the baseline bytes');
      const baseMs = printer.lastDataAt - t0;
      printer.take();

      if (i >= WARMUP) {
        app.push(appMs);
        baseline.push(baseMs);
        receiptBytes = receipt.length;
      }
    }
  } finally {
    socket?.destroy();
    await host?.close();
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    name: `print latency: cash sale commit -> last receipt byte at a TCP 9100 printer (emulator), ${SALES} sales, ~${receiptBytes} B receipts`,
    rows: [
      {
        metric: 'commit -> last byte p50',
        value: percentile(app, 50),
        unit: 'ms',
        baseline: { name: 'same bytes over a plain socket p50', value: percentile(baseline, 50) },
      },
      {
        metric: 'commit -> last byte p99',
        value: percentile(app, 99),
        unit: 'ms',
        baseline: { name: 'same bytes over a plain socket p99', value: percentile(baseline, 99) },
      },
    ],
  };
}
