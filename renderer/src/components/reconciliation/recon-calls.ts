// The reconciliation screen's calls to main (main/reconciliation/), each answering main's Result as it is: the
// screen decides what an error means where it happens (a refused file shows its line, an approval refusal
// stays in the prompt, RESOLUTION_NOT_ALLOWED under the resolve form).
import type {
  Approval,
  ImportFormat,
  ReconDayView,
  ReconItemDetail,
  ResolutionAction,
} from '@contract/contract';
import type { Result } from '@contract/result';
import { getPos } from '../../platform/pos';

export async function reconDay(day: string): Promise<Result<ReconDayView>> {
  return (await getPos()).recon.day({ day });
}

export async function reconFetch(day: string): Promise<Result<ReconDayView>> {
  return (await getPos()).recon.fetch({ day });
}

export async function reconItem(itemId: string): Promise<Result<ReconItemDetail>> {
  return (await getPos()).recon.item({ itemId });
}

export interface ImportRequest {
  readonly day: string;
  readonly fileName: string;
  /** the file's bytes as base64 */
  readonly bytes: string;
  readonly format: ImportFormat;
}

export async function reconImport(req: ImportRequest, approval: Approval): Promise<Result<ReconDayView>> {
  return (await getPos()).recon.import({ ...req, approval });
}

export interface ResolveRequest {
  readonly itemId: string;
  readonly action: ResolutionAction;
  readonly note: string;
}

export async function reconResolve(req: ResolveRequest, approval: Approval): Promise<Result<ReconDayView>> {
  return (await getPos()).recon.resolve({ ...req, approval });
}

/** A file's bytes as base64, read in the page (the upload goes to main in the one call). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Yesterday in the till's local time, as YYYY-MM-DD: the day a manager usually reconciles. */
export function yesterday(now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
