// The app's side of the catalog import from the UI: a chosen file is staged byte for byte in the data folder's
// temp area, previewed by a worker job (encoding, every row checked, nothing written), and only a previewed file
// without errors is imported, by another worker job, after its caller's `start` hook (the manager's approval
// and the journal entry) has passed. Staged files expire; one import writes at a time (a second waits), so two
// files never interleave their write batches. Cancel sets a flag the worker reads between write transactions.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview, ImportProgress, ImportResult } from '../api/contract';
import { PosFailure } from '../api/result';
import { runJob } from '../workers/run-job';
import { createImportControl, phaseOf, requestStop, type ImportControl } from './import-control';
import type { VariableMeasureRule } from './variable-measure';

/** The data folder's temp area for staged import files; emptied when the importer starts. */
export const IMPORT_TEMP_DIR = path.join('tmp', 'catalog-import');
/** A preview is good for this long; then its file is deleted and the preview must be made again. */
export const IMPORT_TTL_MS = 30 * 60_000;
/** Staged files kept at most; a further preview drops the oldest one not running. */
const MAX_STAGED = 4;
const PREVIEW_ROWS = 20;
/** Progress events at most this often (the last one of each phase always goes). */
const PROGRESS_EVERY_MS = 100;

export interface CatalogImporterOptions {
  /** The store file the workers open their own connections to. */
  readonly file: string;
  readonly dataDir: string;
  readonly currency: string;
  readonly rules: readonly VariableMeasureRule[] | null;
  readonly now: () => Date;
  readonly onProgress: (p: ImportProgress) => void;
  readonly ttlMs?: number;
}

/** A previewed file, as the run's hooks see it (for the approval's journal entry). */
export type StagedImport = Pick<
  ImportPreview,
  'importId' | 'fileName' | 'bytes' | 'sha256' | 'encoding' | 'counts'
>;

export interface RunHooks {
  /** Before anything runs: throws to refuse (a wrong PIN), journals the approved import. */
  start(staged: StagedImport): void;
  /** After the run: its result, or the failure it ended with. */
  finish(staged: StagedImport, outcome: ImportResult | PosFailure): void;
}

export interface CatalogImporter {
  /** `base64`: the file's bytes as the screen sent them (decoded in the worker, not on this thread). */
  preview(fileName: string, base64: string): Promise<ImportPreview>;
  run(importId: string, hooks: RunHooks): Promise<ImportResult>;
  cancel(importId: string): { cancelled: boolean };
  /** Stops a running import between two write transactions, waits for it, and deletes every staged file. */
  close(): Promise<void>;
}

interface Session {
  readonly preview: ImportPreview;
  readonly csvFile: string;
  readonly timer: NodeJS.Timeout;
  control: ImportControl | null;
}

export function createCatalogImporter(opts: CatalogImporterOptions): CatalogImporter {
  const dir = path.join(opts.dataDir, IMPORT_TEMP_DIR);
  // Files staged by an earlier run of the app belong to previews that no longer exist.
  fs.rmSync(dir, { recursive: true, force: true });
  const sessions = new Map<string, Session>();
  let queue: Promise<unknown> = Promise.resolve();

  const discard = (importId: string): void => {
    const s = sessions.get(importId);
    if (!s || s.control !== null) return;
    sessions.delete(importId);
    clearTimeout(s.timer);
    fs.rmSync(s.csvFile, { force: true });
  };
  const makeRoom = (): void => {
    const idle = [...sessions.values()].filter((s) => s.control === null);
    for (const s of idle.slice(0, Math.max(0, idle.length - MAX_STAGED + 1))) discard(s.preview.importId);
  };
  const job = (csvFile: string) => ({ file: opts.file, csvFile, currency: opts.currency, rules: opts.rules });

  const execute = async (s: Session, control: ImportControl, hooks: RunHooks): Promise<ImportResult> => {
    const { importId, rowCount } = s.preview;
    const progress = throttled(opts.onProgress);
    try {
      const out = await runJob(
        'catalog.import',
        {
          ...job(s.csvFile),
          now: opts.now().toISOString(),
          sha256: s.preview.sha256,
          control: control.buffer,
        },
        {
          onProgress: (done, total) =>
            progress({ importId, phase: phaseOf(control), done, total: total > 0 ? total : rowCount }),
        },
      );
      progress.flush();
      const result: ImportResult = {
        importId,
        status: out.stopped ? 'cancelled' : 'done',
        counts: out.counts,
        written: out.written,
        total: out.total,
      };
      hooks.finish(s.preview, result);
      return result;
    } catch (e) {
      hooks.finish(s.preview, e instanceof PosFailure ? e : new PosFailure('INTERNAL', String(e)));
      throw e;
    } finally {
      s.control = null;
      discard(importId);
    }
  };

  return {
    async preview(fileName, base64) {
      makeRoom();
      const importId = randomUUID();
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const csvFile = path.join(dir, `${importId}.csv`);
      try {
        const out = await runJob('catalog.preview', { ...job(csvFile), base64, previewRows: PREVIEW_ROWS });
        const ttl = opts.ttlMs ?? IMPORT_TTL_MS;
        const preview: ImportPreview = {
          importId,
          // Only the name goes on record (a Windows path too: win32.basename splits on both separators).
          fileName: path.win32.basename(fileName),
          expiresAt: new Date(opts.now().getTime() + ttl).toISOString(),
          ...out,
        };
        const timer = setTimeout(() => discard(importId), ttl).unref();
        sessions.set(importId, { preview, csvFile, timer, control: null });
        return preview;
      } catch (e) {
        fs.rmSync(csvFile, { force: true });
        throw e;
      }
    },
    async run(importId, hooks) {
      const s = sessions.get(importId);
      if (!s)
        throw new PosFailure(
          'NOT_FOUND',
          'No previewed import with this id (it expired?); preview the file again',
          {
            importId,
          },
        );
      if (s.control !== null)
        throw new PosFailure('NOT_FOUND', 'This import is already running', { importId });
      if (s.preview.errorTotal > 0)
        throw new PosFailure('CSV_INVALID', 'The file has errors; correct it and preview it again', {
          errors: [...s.preview.errors],
          total: s.preview.errorTotal,
        });
      hooks.start(s.preview);
      const control = createImportControl();
      s.control = control;
      clearTimeout(s.timer);
      const result = queue.then(() => execute(s, control, hooks));
      queue = result.catch(() => undefined);
      return await result;
    },
    cancel(importId) {
      const s = sessions.get(importId);
      if (!s) return { cancelled: false };
      if (s.control !== null) requestStop(s.control);
      else discard(importId);
      return { cancelled: true };
    },
    async close() {
      for (const s of sessions.values()) if (s.control !== null) requestStop(s.control);
      await queue;
      for (const id of [...sessions.keys()]) discard(id);
    },
  };
}

/** At most one report per PROGRESS_EVERY_MS, and always the first of a phase; `flush` sends the last held. */
function throttled(emit: (p: ImportProgress) => void): ((p: ImportProgress) => void) & { flush(): void } {
  let last = 0;
  let phase: ImportProgress['phase'] | null = null;
  let held: ImportProgress | null = null;
  const send = (p: ImportProgress): void => {
    held = null;
    last = Date.now();
    phase = p.phase;
    emit(p);
  };
  return Object.assign(
    (p: ImportProgress) =>
      p.phase !== phase || Date.now() - last >= PROGRESS_EVERY_MS ? send(p) : (held = p),
    { flush: () => held !== null && send(held) },
  );
}
