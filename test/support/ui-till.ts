// The renderer's browser suites run against the REAL till: createHost on a temp folder (training mode, the
// emulated printer, optionally a sandbox gateway), served by the web host's own server and WebSocket bridge
// (main/web/), the same path `npm run web` takes. The only thing between the bridge and the host is a thin
// answer wrapper: it records what the screen sent, and can hold or lose one channel's answer AFTER the host
// has acted (a slow till, or an answer lost on the way back, as the renderer's bridge reports it).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Channel, Input, Output } from '../../main/api/contract';
import { err, type Result } from '../../main/api/result';
import { DEFAULT_CONFIG, type PosConfig } from '../../main/config/config';
import type { Host } from '../../main/host-types';
import { typedDispatch } from '../../main/ipc/dispatcher';
import type { PaymentTuning } from '../../main/payments/payments-runtime';
import {
  createEmulatedPrinterPort,
  type EmulatedPrinterPort,
} from '../../main/printing/queue/emulated-printer';
import type { UsbHost } from '../../native/transports/usb-host';
import { createStaff } from '../../main/staff/staff-runtime';
import { openStore } from '../../main/store/open-store';
import { seedDemoCatalog } from '../../main/catalog/demo';
import { startWebHost, type WebHost } from '../../main/web/server';
import { startHost, tempDir } from './temp-host';
import type { TillGateway } from './till-gateway';
import { ensureRendererBuilt, repoRoot } from './web-till';

/** What the renderer's bridge answers when the socket died before the answer came (platform/connection-lost.ts). */
const LOST = err('INTERNAL', 'connection lost', { reason: 'connection-lost' });

export interface UiTillOptions {
  /** A running sandbox gateway this till is configured for (otherwise: no gateway configured). */
  readonly gateway?: TillGateway;
  /** The till's clock; a test moves it to make sales on other days. */
  readonly clock?: () => Date;
  readonly paymentTuning?: PaymentTuning;
  /** config.json beyond the defaults (and the gateway, when there is one). */
  readonly config?: Partial<PosConfig>;
  /** The USB bus (FakeWebUsb with emulated printers) the device settings list and test. */
  readonly usb?: UsbHost;
  /** A live till, not training: the demo goods put on its shelves; selling needs a signed-in cashier and a shift. */
  readonly live?: boolean;
}

/** Short timeouts and a breaker that opens at the first failure, so "offline" shows within a second. */
export const FAST_PAYMENTS: PaymentTuning = {
  backoff: { baseMs: 50, maxMs: 500 },
  breaker: { threshold: 1, baseCooldownMs: 60_000, maxCooldownMs: 60_000 },
  clientTimeoutMs: 1_500,
  idleMs: 200,
  heartbeatMs: 300,
};

/** The shop's staff besides the training manager (900 / 1234, in memory, never locked): a cashier, who may
 * approve nothing, and a manager on file (whose wrong PINs count towards a lock). */
export const CASHIER = { code: '100', name: '收银员 Cashier', role: 'cashier', pin: '5829' } as const;
export const MANAGER = { code: '901', name: '王店长 Manager', role: 'manager', pin: '482157' } as const;

/** Puts the staff on file, as `npm run staff add` would, before the till starts (and a live shop's goods). */
async function addStaff(dataDir: string, live: boolean): Promise<void> {
  const { db } = await openStore({ dataDir, now: () => new Date(), log: () => undefined });
  try {
    // The app seeds demo goods only into a new training store; a live test shop gets them put in directly.
    if (live) seedDemoCatalog(db, () => new Date());
    const staff = createStaff({
      db,
      config: { trainingMode: false },
      now: () => new Date(),
      newId: randomUUID,
      dataDir,
    });
    staff.directory.addFromCommandLine(CASHIER);
    staff.directory.addFromCommandLine(MANAGER);
  } finally {
    db.close();
  }
}

export interface UiTill {
  /** The address to open (carries the session token). */
  readonly url: string;
  /** The till's data folder (config.json, the store, logs). */
  readonly dataDir: string;
  /** The printer the till prints to: its paper, cover and cable are the test's to change. */
  readonly printer: EmulatedPrinterPort;
  /** The inputs the screen sent on `channel`, oldest first. */
  calls(channel: Channel): unknown[];
  /** What the host answered the screen on `channel` (before any loss), oldest first. */
  answers(channel: Channel): Result<unknown>[];
  /** Holds every answer on `channel` for `ms` (the host has already acted). */
  delay(channel: Channel, ms: number): void;
  /** The next answer on `channel` is lost on the way back: the host acted, the screen hears "connection lost". */
  dropNext(channel: Channel): void;
  /** Calls the host directly, unrecorded; answers its result as it is. */
  dispatch(channel: Channel, input: unknown): Promise<Result<unknown>>;
  /** Calls the host directly (setting a scene), unrecorded; throws on an error result. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  close(): Promise<void>;
}

/** The wrapper between the bridge and the host: records, holds, loses. Nothing else. */
function answerWrapper(host: Host) {
  const sent: { channel: string; input: unknown; result?: Result<unknown> }[] = [];
  const delays = new Map<string, number>();
  const drops = new Set<string>();
  // The bridge calls dispatchUntyped (its input is unknown); the typed entry is the same wrapper.
  const answer = async (channel: string, input: unknown): Promise<Result<unknown>> => {
    const call: (typeof sent)[number] = { channel, input };
    sent.push(call);
    const result = await host.dispatchUntyped(channel, input);
    call.result = result;
    const ms = delays.get(channel) ?? 0;
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    if (drops.delete(channel)) return LOST;
    return result;
  };
  const wrapped: Host = {
    subscribe: host.subscribe,
    close: host.close,
    dispatch: typedDispatch(answer),
    dispatchUntyped: answer,
  };
  return { wrapped, sent, delays, drops };
}

export async function startUiTill(options: UiTillOptions = {}): Promise<UiTill> {
  ensureRendererBuilt();
  const dataDir = tempDir('pos-ui-');
  const live = options.live === true;
  const config = live ? { ...options.config, trainingMode: false } : options.config;
  if (options.gateway) {
    await options.gateway.up();
    options.gateway.configureTill(dataDir, config);
  } else if (config) {
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...DEFAULT_CONFIG, ...config }));
  }
  await addStaff(dataDir, live);
  const printer = createEmulatedPrinterPort();
  const host = await startHost({
    dataDir,
    trainingMode: !live,
    printer,
    printBackoff: { baseMs: 20, capMs: 200 },
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.paymentTuning ? { paymentTuning: options.paymentTuning } : {}),
    ...(options.usb ? { usb: options.usb } : {}),
  });
  const { wrapped, sent, delays, drops } = answerWrapper(host);
  const web: WebHost = await startWebHost(
    { host: wrapped },
    { port: 0, staticDir: path.join(repoRoot, 'dist/renderer'), dataDir },
  );
  return {
    url: web.url,
    dataDir,
    printer,
    calls: (channel) => sent.filter((c) => c.channel === channel).map((c) => c.input),
    answers: (channel) => sent.flatMap((c) => (c.channel === channel && c.result ? [c.result] : [])),
    delay: (channel, ms) => void delays.set(channel, ms),
    dropNext: (channel) => void drops.add(channel),
    dispatch: (channel, input) => host.dispatchUntyped(channel, input),
    async call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
      const r = await host.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    close: () => web.close(), // the host is closed by temp-host's cleanup()
  };
}
