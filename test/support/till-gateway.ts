// A sandbox gateway for the end-to-end tests, running in the test process (its own SQLite ledger) so a test
// can cut it off and bring it back on the same port while the till runs in its own process; and the till's
// config.json + terminal secret pointing at it.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, type PosConfig } from '../../main/config/config';
import {
  startSandboxGateway,
  type SandboxGateway,
  type SandboxGatewayOptions,
} from '../../main/gateway/sandbox/server';

export interface TillGateway {
  /** Starts it (again, on the same port); a no-op while it runs. */
  up(): Promise<SandboxGateway>;
  /** Stops it: the till now finds nothing listening. */
  down(): Promise<void>;
  /** The running gateway, or null while it is down. */
  current(): SandboxGateway | null;
  /** Writes the till's config.json (training mode, this gateway, then `extra`) and its terminal secret file. */
  configureTill(tillDir: string, extra?: Partial<PosConfig>): void;
}

export function tillGateway(opts: {
  readonly dataDir: string;
  readonly secret: Buffer;
  readonly qrTiming?: SandboxGatewayOptions['qrTiming'];
}): TillGateway {
  let gateway: SandboxGateway | null = null;
  let port = 0;
  return {
    async up() {
      gateway ??= await startSandboxGateway({
        dataDir: opts.dataDir,
        port,
        terminals: [{ terminalId: 'T01', secret: opts.secret }],
        currency: 'CNY',
        ...(opts.qrTiming ? { qrTiming: opts.qrTiming } : {}),
      });
      port = gateway.port;
      return gateway;
    },
    async down() {
      await gateway?.close();
      gateway = null;
    },
    current: () => gateway,
    configureTill(tillDir, extra = {}) {
      if (port === 0) throw new Error('start the gateway before configuring the till');
      fs.writeFileSync(path.join(tillDir, 'terminal-secret'), opts.secret.toString('hex'), { mode: 0o600 });
      fs.writeFileSync(
        path.join(tillDir, 'config.json'),
        JSON.stringify({
          ...DEFAULT_CONFIG,
          gateway: { url: `http://127.0.0.1:${port}`, terminalSecretFile: 'terminal-secret' },
          ...extra,
        }),
      );
    },
  };
}
