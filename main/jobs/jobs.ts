// Long work that must not run on the main event loop (backups, whole-database checks, the full journal walk,
// catalog imports, and later reports and exports), each as a named job run in a worker thread by run-job.ts.
// This registry is the one list of them: the worker entry looks names up here, and main derives each job's
// input and output types from it, so a caller cannot send a job the wrong input.
import type { BackupJobInput } from '../store/backup-job';
import type { DbCheckInput } from '../store/db-check';
import type { CatalogImportInput, CatalogPreviewInput } from '../catalog/import-job';
import type { ReconRenderInput } from '../reconciliation/export/render-export';

export interface JobContext {
  /** Reports progress to the caller (e.g. a start-up screen's bar); cheap, may be called often. */
  progress(done: number, total: number): void;
}

export type JobFn<I, O> = (input: I, ctx: JobContext) => O | Promise<O>;

/**
 * Each entry loads its module only inside the worker, when the job runs: main never pulls job code (and its
 * dependencies) onto its own thread by importing this file.
 */
export const jobs = {
  /** Test-only echo: proves the worker machinery (progress, results, errors) without a database. */
  'selftest.echo': async (input: { value: unknown; fail?: string; steps?: number }, ctx: JobContext) =>
    (await import('../workers/selftest')).echo(input, ctx),
  /** A staged catalog file decoded and every row checked, nothing written (main/catalog/import-job.ts). */
  'catalog.preview': async (input: CatalogPreviewInput, ctx: JobContext) =>
    (await import('../catalog/import-job')).previewCatalogImport(input, ctx),
  /** A staged catalog file checked and written on the worker's own connection (main/catalog/import-job.ts). */
  'catalog.import': async (input: CatalogImportInput, ctx: JobContext) =>
    (await import('../catalog/import-job')).runCatalogImport(input, ctx),
  /** The pre-migration (and on-demand) backup: online copy, made self-contained, quick_checked. */
  'store.backup': async (input: BackupJobInput, ctx: JobContext) =>
    (await import('../store/backup-job')).copyDatabase(input, ctx),
  /** quick_check (daily) or integrity_check (on demand) of the whole database file. */
  'store.check': async (input: DbCheckInput) => (await import('../store/db-check')).checkDatabase(input),
  /** The whole journal chain from the genesis (the start-up walk only covers what follows the checkpoint). */
  'journal.verify': async (input: { file: string }, ctx: JobContext) =>
    (await import('../audit/verify-job')).verifyJournalFile(input, ctx),
  /** Copies the WAL back into the database file while the till is idle (never inside a sale's commit). */
  'store.checkpoint': async (input: { file: string }, ctx: JobContext) =>
    (await import('../store/checkpoint-job')).checkpointDatabase(input, ctx),
  /** The long-lived report thread: X and Z figures on its own read-only connection (main/reports/report-worker.ts). */
  'reports.serve': async (input: { file: string }) =>
    (await import('../reports/report-server')).serveReports(input),
  /** A day's reconciliation rendered as CSV or PDF bytes (main/reconciliation/export/render-export.ts). */
  'recon.render': async (input: ReconRenderInput) =>
    (await import('../reconciliation/export/render-export')).renderReconExport(input),
} satisfies Record<string, JobFn<never, unknown>>;

export type JobName = keyof typeof jobs;
export type JobInput<N extends JobName> = Parameters<(typeof jobs)[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<(typeof jobs)[N]>>;
