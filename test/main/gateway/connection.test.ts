// The configured gateway's terminal secret file: one that other users can read (mode & 077) stops the start
// with a startup failure naming the file and the fix; a 0600 one is used.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PosConfig } from '../../../main/config/config';
import { connectGateway } from '../../../main/gateway/connection';
import { generateSandboxCertificate } from '../../../main/gateway/sandbox/tls';
import { renderStartupFailurePage } from '../../../main/startup/failure-page';
import { startApp } from '../../../main/startup/start-app';
import { cleanup, tempDir } from '../../support/temp-host';

const SECRET = Buffer.alloc(32, 9).toString('hex');
let certPem = '';
beforeAll(async () => {
  certPem = (await generateSandboxCertificate()).certPem;
});

function shopDir(mode: number): { dataDir: string; secret: string; config: PosConfig } {
  const dataDir = tempDir();
  const secret = path.join(dataDir, 'terminal-secret');
  fs.writeFileSync(secret, SECRET);
  fs.chmodSync(secret, mode);
  const config: PosConfig = {
    ...DEFAULT_CONFIG,
    trainingMode: false,
    gateway: {
      url: 'https://127.0.0.1:9',
      terminalSecretFile: 'terminal-secret',
      serverCertFile: 'gateway-cert.pem',
    },
  };
  // A live gateway is https with its pinned certificate (main/config/gateway-config.ts).
  fs.writeFileSync(path.join(dataDir, 'gateway-cert.pem'), certPem);
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(config));
  return { dataDir, secret, config };
}

describe.skipIf(process.platform === 'win32')('the terminal secret file must be private', () => {
  afterAll(cleanup);

  it.each([0o644, 0o640, 0o604, 0o660])(
    'mode %o: the start stops, naming the file and `chmod 600`',
    async (mode) => {
      const { dataDir, secret } = shopDir(mode);
      const started = await startApp({ dataDir, log: () => undefined });
      if ('host' in started) {
        await started.host.close();
        throw new Error('the till started with a secret file others can read');
      }
      expect(started.failure.code).toBe('CONFIG_CORRUPT');
      expect(started.failure.message).toContain(`chmod 600 ${secret}`);
      expect(started.failure.message).toContain('can be read by other users');
      expect(started.failure.message).not.toContain(SECRET);
      expect(renderStartupFailurePage(started.failure, { dataDir })).toContain(`chmod 600 ${secret}`);
    },
  );

  it('mode 0600 (and 0400): the secret is read and the client made', async () => {
    for (const mode of [0o600, 0o400]) {
      const { dataDir, config } = shopDir(mode);
      const gw = await connectGateway({ config, dataDir, now: () => new Date() });
      expect(gw.client).not.toBeNull();
      await gw.close();
    }
  });
});
