// `npm run web [-- --data DIR] [--port N]`: the POS in a browser on this machine. First start creates the
// data folder, the database and (training mode) the demo catalog without asking anything.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../config/data-dir';
import { createAppRunner } from '../startup/app-runner';
import { openSystemUsb } from '../startup/system-usb';
import { openShellLog } from '../startup/shell-log';
import { startWebHost, type WebApp, type WebHost } from './server';
import { Z_STEPS, type ZStep } from '../reports/z-close';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Blocks the main thread (and so the open transaction) for good once the Z reaches `step`. */
const holdAt =
  (step: string) =>
  (at: ZStep): void => {
    if (at !== step) return;
    console.log(JSON.stringify({ event: 'z-held', step }));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '5780' },
      static: { type: 'string' },
      training: { type: 'boolean' },
      // Tests and demos: the gateway's return is noticed within a second instead of up to a minute.
      'fast-sync': { type: 'boolean' },
      // Crash tests: hold the Z's transaction at this step (main/reports/z-close.ts) so the process can be
      // killed inside it; a line {"event":"z-held"} says it is there.
      'hold-z-at': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  const holdZAt = values['hold-z-at'];
  if (holdZAt !== undefined && !(Z_STEPS as readonly string[]).includes(holdZAt))
    throw new Error(`--hold-z-at must be one of ${Z_STEPS.join(', ')}, got ${holdZAt}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got ${values.port}`);
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const staticDir = path.resolve(values.static ?? path.join(repoRoot, 'dist', 'renderer'));
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(
      `No built renderer in ${staticDir}; run \`npm run build:renderer\` (npm run web does it for you).`,
    );
  }

  // Listening first: a long start (the backup before an update) shows its progress page meanwhile. A restart
  // (after a settings change) drops the open bridges: their host is gone, the page reloads onto the new one.
  let web: WebHost | null = null;
  // The log file in <dataDir>/logs (every line on stdout too), with what nobody caught in it.
  const shellLog = await openShellLog({ dataDir, shell: 'web', stdout: true });
  const runner = createAppRunner(
    {
      dataDir,
      log: shellLog.log,
      // Where a configured USB printer is found, and what the device settings list.
      usb: await openSystemUsb((error) =>
        shellLog.log('warn', 'no USB access: USB printers unavailable', { error }),
      ),
      ...(values.training === undefined ? {} : { trainingMode: values.training }),
      ...(holdZAt === undefined ? {} : { onZStep: holdAt(holdZAt) }),
      ...(values['fast-sync'] === true
        ? {
            paymentTuning: {
              backoff: { baseMs: 50, maxMs: 500 },
              breaker: { threshold: 1, baseCooldownMs: 200, maxCooldownMs: 1_000 },
              qr: { pollEveryMs: 300, maxPolls: 20 },
              idleMs: 200,
              heartbeatMs: 500,
            },
          }
        : {}),
    },
    (state) => {
      if ('starting' in state) web?.dropBridges();
      if ('failure' in state) {
        shellLog.log('error', 'host failed to start', { ...state.failure });
        console.error(`Startup failure ${state.failure.code}: ${state.failure.message}`);
      }
    },
  );
  web = await startWebHost((): WebApp => runner.state(), { port, staticDir, dataDir });
  console.log(`\nCounterPOS is starting: ${web.url}`);
  const app = await runner.start();
  // One machine-readable line (tests and scripts parse it), then a human one.
  console.log(
    JSON.stringify({ event: 'ready', url: web.url, port: web.port, dataDir, failure: 'failure' in app }),
  );
  console.log(
    `\nCounterPOS is running. Open this address in Chromium on this machine:\n  ${web.url}\nData: ${dataDir}\n` +
      `Logs: ${shellLog.dir}\n`,
  );

  const stop = async (): Promise<void> => {
    await web?.close();
    await runner.close();
    await shellLog.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
