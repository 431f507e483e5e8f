// A live shop on a sandbox gateway process over pinned HTTPS, as a shop is set up on its first day: the
// terminal secret and the gateway's certificate copied into the data folder, the demo goods on the shelves,
// the staff on file, and the gateway's card key pinned from a connection test (first-day.test.ts does that
// step on screen). For e2e suites that steer the gateway through its admin interface (gateway-admin.ts).
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, type PosConfig } from '../../main/config/config';
import { testGatewayConnection } from '../../main/gateway/test-connection';
import type { NewStaff } from '../../main/staff/staff-directory';
import type { GatewayProcess } from './gateway-process';
import { liveShopWithDemoGoods } from './live-store';
import { addStaffOnFile } from './signed-in-till';

export async function liveShopOnGateway(
  dataDir: string,
  gw: GatewayProcess,
  o: { readonly staff?: readonly NewStaff[]; readonly config?: Partial<PosConfig> } = {},
): Promise<void> {
  if (gw.certFile === null) throw new Error('start the gateway with --tls: a live till pins its certificate');
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = path.join(dataDir, 'terminal-secret');
  fs.copyFileSync(gw.secretFile, secret);
  fs.chmodSync(secret, 0o600);
  fs.copyFileSync(gw.certFile, path.join(dataDir, 'gateway-cert.pem'));
  const config: Partial<PosConfig> = {
    gateway: { url: gw.url, terminalSecretFile: 'terminal-secret', serverCertFile: 'gateway-cert.pem' },
    cardReader: { kind: 'keyboard-wedge' },
    ...o.config,
  };
  await liveShopWithDemoGoods(dataDir, config);
  if (o.staff) addStaffOnFile(dataDir, o.staff);
  const probe = await testGatewayConnection(
    { ...DEFAULT_CONFIG, ...config, trainingMode: false } as PosConfig,
    { dataDir, now: () => new Date() },
  );
  if (!probe.ok || probe.keyId === null || probe.spkiSha256 === null)
    throw new Error(`gateway probe: ${JSON.stringify(probe.error)}`);
  const file = path.join(dataDir, 'config.json');
  const onFile = JSON.parse(fs.readFileSync(file, 'utf8')) as PosConfig;
  const gateway = { ...onFile.gateway, encryptionKey: { keyId: probe.keyId, spkiSha256: probe.spkiSha256 } };
  fs.writeFileSync(file, JSON.stringify({ ...onFile, gateway }, null, 2));
}
