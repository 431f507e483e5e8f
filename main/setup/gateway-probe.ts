// "Test connection" with what the manager typed, before anything is saved: the typed secret and certificate
// go to a private scratch folder (never beside config.json), the gateway's own test runs against them (or
// against the files on record when nothing new was typed), and the scratch folder goes again.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { GatewayTestView } from '../api/contract';
import { loadConfig } from '../config/config';
import { testGatewayConnection } from '../gateway/test-connection';
import type { GatewayProbe } from './setup-service';
import { SERVER_CERT_FILE, TERMINAL_SECRET_FILE, writePrivateFile } from './secret-files';

export async function probeGateway(
  dataDir: string,
  now: () => Date,
  probe: GatewayProbe,
): Promise<GatewayTestView> {
  const onFile = loadConfig(dataDir).gateway;
  const scratch = path.join(dataDir, 'tmp', `gateway-probe-${randomUUID()}`);
  fs.mkdirSync(scratch, { recursive: true, mode: 0o700 });
  try {
    // path.resolve(scratch, file) keeps an absolute path: the files on record are used where nothing was typed.
    const fileFor = (
      typed: string | undefined,
      name: string,
      recorded: string | undefined,
    ): string | undefined =>
      typed !== undefined
        ? writePrivateFile(scratch, name, typed)
        : recorded && path.resolve(dataDir, recorded);
    const terminalSecretFile = fileFor(
      probe.terminalSecret,
      TERMINAL_SECRET_FILE,
      onFile?.terminalSecretFile,
    );
    const serverCertFile = fileFor(probe.serverCertPem, SERVER_CERT_FILE, onFile?.serverCertFile);
    const config = {
      ...loadConfig(dataDir),
      gateway: {
        url: probe.url,
        terminalSecretFile: terminalSecretFile ?? TERMINAL_SECRET_FILE,
        ...(serverCertFile === undefined ? {} : { serverCertFile }),
      },
    };
    const r = await testGatewayConnection(config, { dataDir: scratch, now });
    return {
      ok: r.ok,
      latencyMs: r.latencyMs,
      clockSkewMs: r.clockSkewMs,
      key: r.keyId !== null && r.spkiSha256 !== null ? { keyId: r.keyId, spkiSha256: r.spkiSha256 } : null,
      error: r.error ?? null,
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
