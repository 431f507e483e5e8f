// The catalog import screen's calls to main (catalog.import*), each answering the raw Result: the screen shows
// every outcome in place. A chosen file goes to main as base64 bytes; main detects its encoding.
import type { Approval, ImportPreview, ImportProgress, ImportResult } from '@contract/contract';
import { MAX_IMPORT_BYTES } from '@contract/contract';
import type { Result } from '@contract/result';
import { getPos } from '../../platform/pos';

/** Characters handed to btoa at a time: String.fromCharCode takes its bytes as arguments. */
const CHUNK = 0x8000;

/** The file's bytes in base64; null when it is larger than main accepts (checked before reading it). */
export async function fileToBase64(file: Blob): Promise<string | null> {
  if (file.size > MAX_IMPORT_BYTES) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parts: string[] = [];
  // Whole 3-byte groups per chunk, so the pieces' base64 join without padding in the middle.
  const step = CHUNK - (CHUNK % 3);
  for (let at = 0; at < bytes.length; at += step)
    parts.push(btoa(String.fromCharCode(...bytes.subarray(at, at + step))));
  return parts.join('');
}

export const previewImport = async (fileName: string, bytes: string): Promise<Result<ImportPreview>> =>
  (await getPos()).catalog.importPreview({ fileName, bytes });

export const runImport = async (importId: string, approval: Approval): Promise<Result<ImportResult>> =>
  (await getPos()).catalog.importRun({ importId, approval });

export const cancelImport = async (importId: string): Promise<Result<{ readonly cancelled: boolean }>> =>
  (await getPos()).catalog.importCancel({ importId });

/** This import's progress events; returns the unsubscribe function. */
export async function onImportProgress(
  importId: string,
  listener: (p: ImportProgress) => void,
): Promise<() => void> {
  return (await getPos()).on('catalogImport', (p) => {
    if (p.importId === importId) listener(p);
  });
}
