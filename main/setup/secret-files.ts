// The gateway's secrets as files beside config.json, never inside it: the terminal secret (HMAC key) and the
// pinned server certificate. Written atomically, private to the till's user (0600), so a copy of config.json
// (sent to support, say) carries no secret.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../config/config';

export const TERMINAL_SECRET_FILE = 'terminal.secret';
export const SERVER_CERT_FILE = 'gateway-cert.pem';

/** Writes `text` as `dataDir/name`, mode 0600, and answers the name config.json refers to it by. */
export function writePrivateFile(dataDir: string, name: string, text: string): string {
  const file = path.join(dataDir, name);
  writeFileAtomic(file, text.trim() + '\n');
  fs.chmodSync(file, 0o600);
  return name;
}

export const fileExists = (dataDir: string, name: string | undefined): boolean =>
  name !== undefined && fs.existsSync(path.resolve(dataDir, name));
