// A catalog file imported the way the app's screen does it: previewed (bytes in base64), then run with a
// manager's approval (in training mode the training manager's); and, for a till with no manager on file, a
// shop's catalog written the way the command-line import does it (its own connection to the store).
import path from 'node:path';
import type { ImportPreview, ImportResult } from '../../main/api/contract';
import type { Host } from '../../main/host-types';
import { importCatalogCsv } from '../../main/catalog/csv-import';
import { openDatabase } from '../../main/store/db';
import { STORE_FILE } from '../../main/store/files';
import { TRAINING_MANAGER } from '../../main/staff/training-staff';

export const TRAINING_APPROVAL = { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin };

export async function previewFile(
  host: Pick<Host, 'dispatch'>,
  bytes: Uint8Array | string,
  fileName = 'catalog.csv',
): Promise<ImportPreview> {
  const r = await host.dispatch('catalog.importPreview', {
    fileName,
    bytes: Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64'),
  });
  if (!r.ok) throw new Error(`catalog.importPreview: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Preview and run, approved by the training manager; throws on any failure. */
export async function importThroughHost(
  host: Pick<Host, 'dispatch'>,
  csv: Uint8Array | string,
  approval = TRAINING_APPROVAL,
): Promise<ImportResult> {
  const preview = await previewFile(host, csv);
  if (preview.errorTotal > 0) throw new Error(`the file has errors: ${JSON.stringify(preview.errors)}`);
  const r = await host.dispatch('catalog.importRun', { importId: preview.importId, approval });
  if (!r.ok) throw new Error(`catalog.importRun: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** The command-line import's path: its own connection to the data folder's store, beside a running till. */
export async function seedCatalog(dataDir: string, csv: string): Promise<void> {
  const db = openDatabase(path.join(dataDir, STORE_FILE));
  try {
    await importCatalogCsv(db, csv, { now: () => new Date(), currency: 'CNY' });
  } finally {
    db.close();
  }
}
