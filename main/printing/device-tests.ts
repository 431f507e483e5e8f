// The device settings' printer tests, on the printer being set up: a test page and a drawer pulse, each
// answered with what happened in the words the screen shows (unreachable, no paper, cover open, timeout,
// raster required …). The configured printer is tested over its own link (one USB interface can be claimed
// once, and the print client keeps its status answers in order); any other printer over a fresh link that
// is closed afterwards.
import { drawerPulseBytes, type DrawerPulse } from '../../native/escpos/encode/drawer';
import { RasterRequiredError } from '../../native/escpos/encode/text-mode';
import { problemOf, type PrinterHealth } from '../../native/printer/printer-health';
import { TransportError } from '../../native/transports/transport';
import type { DeviceTestProblem, DrawerTestView, TestPrintView } from '../api/contract';
import type { PrinterConnectionConfig } from '../config/printer-config';
import type { PrinterPort } from './queue/ports';
import { connectPrinter, type PrinterConnection, type PrinterLinks } from './queue/printer-connection';

interface Failure {
  readonly problem: DeviceTestProblem;
  readonly detail: string;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A link that could not be used (thrown while opening or asking status). */
export function failureOf(e: unknown): Failure {
  if (e instanceof RasterRequiredError) return { problem: 'raster-required', detail: e.message };
  if (e instanceof TransportError) {
    if (e.code === 'TIMEOUT') return { problem: 'timeout', detail: e.message };
    if (e.code === 'IO') return { problem: 'printer-error', detail: e.message };
    return { problem: 'unreachable', detail: e.message };
  }
  return { problem: 'printer-error', detail: message(e) };
}

/** A printer that answered but is not ready; null when it is. */
export function healthFailure(h: PrinterHealth): Failure | null {
  const p = problemOf(h);
  if (p === null) return null;
  if (p === 'paper-out') return { problem: 'no-paper', detail: 'the printer reports paper out' };
  if (p === 'cover-open') return { problem: 'cover-open', detail: 'the printer reports its cover open' };
  if (p === 'offline') return { problem: 'timeout', detail: 'the printer reports itself offline' };
  return { problem: 'printer-error', detail: `the printer reports ${p}` };
}

const PRINT_REASONS: Readonly<Record<string, DeviceTestProblem>> = {
  'paper-out': 'no-paper',
  'cover-open': 'cover-open',
  offline: 'timeout',
  disconnected: 'disconnected',
};

export interface DeviceTestDeps {
  /** the configured printer's link, when there is one */
  readonly configured: PrinterConnection | null;
  readonly links: PrinterLinks;
}

/** Runs `use` on a link to that printer: the configured one's own, or a fresh one closed afterwards. */
async function withPrinter<T>(
  d: DeviceTestDeps,
  connection: PrinterConnectionConfig,
  use: (port: PrinterPort, id: string) => Promise<T>,
): Promise<T> {
  const fresh = connectPrinter(connection, d.links);
  if (d.configured && d.configured.id === fresh.id) return use(d.configured.port, fresh.id);
  try {
    return await use(fresh.port, fresh.id);
  } finally {
    await fresh.close().catch(() => undefined);
  }
}

/** Sends one job after a status check; the failure, or null when every byte was taken by a ready printer. */
async function send(port: PrinterPort, bytes: Uint8Array): Promise<Failure | null> {
  try {
    const before = healthFailure(await port.health());
    if (before) return before;
    const outcome = await port.print(bytes);
    if (outcome.ok) return null;
    const problem = PRINT_REASONS[outcome.reason] ?? 'printer-error';
    const detail =
      problem === 'disconnected'
        ? `the printer went away during the test (${outcome.bytesAccepted} of ${bytes.length} bytes sent)`
        : `the printer stopped: ${outcome.reason}`;
    return { problem, detail };
  } catch (e) {
    return failureOf(e);
  }
}

export async function testPrint(
  d: DeviceTestDeps,
  connection: PrinterConnectionConfig,
  page: () => Uint8Array,
): Promise<TestPrintView> {
  return withPrinter(d, connection, async (port, printerId) => {
    let bytes: Uint8Array;
    try {
      bytes = page();
    } catch (e) {
      return { ok: false, printerId, ...failureOf(e) };
    }
    const failed = await send(port, bytes);
    return failed ? { ok: false, printerId, ...failed } : { ok: true, printerId };
  });
}

/** The drawer sensor as the printer reports it, or null when it does not answer. */
async function sensor(port: PrinterPort): Promise<boolean | null> {
  try {
    return (await port.health()).drawerSensor;
  } catch {
    return null;
  }
}

export async function testDrawer(
  d: DeviceTestDeps,
  connection: PrinterConnectionConfig,
  pulse: DrawerPulse,
): Promise<DrawerTestView> {
  return withPrinter(d, connection, async (port, printerId) => {
    const sensorBefore = await sensor(port);
    const failed = await send(port, drawerPulseBytes(pulse));
    if (failed) return { ok: false, printerId, ...failed };
    // The solenoid pulls for t1 x 2 ms; the sensor is read once the pulse is over.
    await new Promise((r) => setTimeout(r, pulse.t1 * 2 + 20));
    return { ok: true, printerId, sensorBefore, sensorAfter: await sensor(port) };
  });
}
