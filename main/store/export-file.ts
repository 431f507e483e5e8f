// Files a manager exports (a report, a day's reconciliation) go under the data folder's exports/. Each
// appears whole or not at all (written beside it, then renamed), readable by the till's user only: they hold
// the shop's figures. Here, below both reports and reconciliation, so each writes its files the same way.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExportView } from '../api/contract/reports';

export const EXPORT_DIR = 'exports';

/** Writes `bytes` as `<dataDir>/exports/<name>`, replacing a file of that name only once it is complete. */
export async function writeExportFile(dataDir: string, name: string, bytes: Uint8Array): Promise<ExportView> {
  const dir = path.join(dataDir, EXPORT_DIR);
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  const partial = `${file}.partial`;
  await fs.writeFile(partial, bytes, { mode: 0o600 });
  await fs.rename(partial, file);
  return { path: file, bytes: bytes.byteLength };
}
