// Issue 14, points 3 and 8: a busy day's reconciliation exported (2,000 differences of every class, every other
// one resolved with a manager's note, some long enough to wrap, and 2,000 matched items) as CSV and as PDF,
// the way the host does it: recon-export.ts with the render in the 'recon.render' worker job, the file written
// under exports/. Figures: p50 of each export, and the main event loop's longest block while it runs (it must
// stay small: the rendering is in the worker). Same-run baseline: the same day's data sent through a worker job
// that renders nothing (selftest.echo) and the CSV's bytes written the same way: the floor of a worker export.
// For scale, the PDF rendered on the main thread (what a manager's click would block without the worker).
// Each export is read back (the notes are in the CSV, the PDF is one), so a broken export cannot time fast.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { ExportFormat } from '../main/api/contract/reports';
import { reconPdf } from '../main/reconciliation/export/recon-pdf';
import type { ReconExportData } from '../main/reconciliation/export/recon-tables';
import { renderReconExport } from '../main/reconciliation/export/render-export';
import { createReconExporter } from '../main/reconciliation/recon-export';
import { writeExportFile } from '../main/store/export-file';
import { runJob } from '../main/workers/run-job';
import { busyReconExportData } from '../test/support/recon-export-fixture';
import { percentile, type BenchReport, type BenchRow } from './lib';

export interface ReconExportBenchOptions {
  readonly differences: number;
  readonly matched: number;
  readonly runs: number;
}

const fromEnv = (): ReconExportBenchOptions => ({
  differences: Number(process.env.BENCH_RECON_EXPORT_DIFFERENCES ?? 2_000),
  matched: Number(process.env.BENCH_RECON_EXPORT_MATCHED ?? 2_000),
  runs: Number(process.env.BENCH_RECON_EXPORT_RUNS ?? 5),
});

const PDF_TARGET_MS = 2000;
// a click answered within 100 ms feels immediate; the render itself holds the loop for ~0.5-1 s (the inline row)
const BLOCK_TARGET_MS = 100;
const TZ = 'Asia/Shanghai';

interface Timed {
  readonly ms: number;
  /** the main event loop's longest block meanwhile */
  readonly blockMs: number;
}

/** `work` timed, with the longest the main event loop was held while it ran (1 ms resolution). */
async function timed(work: () => Promise<unknown>): Promise<Timed> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  delay.disable();
  return { ms, blockMs: delay.max / 1e6 };
}

/** The export as written must hold the day: every note in the CSV, a PDF that is one. */
function check(file: string, format: ExportFormat, data: ReconExportData): void {
  const bytes = fs.readFileSync(file);
  if (format === 'pdf') {
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`${file} is no PDF`);
    return;
  }
  const text = bytes.toString('utf8');
  const missing = data.view.items.find((i) => i.resolution && !text.includes(i.resolution.note));
  if (missing) throw new Error(`${file} lacks the note of ${missing.id}`);
}

export default async function run(o: ReconExportBenchOptions = fromEnv()): Promise<BenchReport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-recon-export-'));
  try {
    const data = busyReconExportData(o.differences, o.matched);
    const exporter = createReconExporter({
      ...{ dataDir, locale: () => 'zh-CN' as const, timeZone: TZ },
      till: { storeName: data.storeName, terminalId: data.terminalId, currency: 'CNY', training: false },
      view: () => data.view,
      render: (input) => runJob('recon.render', input),
    });
    // the floor writes the CSV's own bytes (rendered once, here, before anything is timed)
    const csvBytes = await renderReconExport({ data, format: 'csv', locale: 'zh-CN', timeZone: TZ });
    const floor = async (): Promise<void> => {
      await runJob('selftest.echo', { value: data });
      await writeExportFile(dataDir, 'floor.csv', csvBytes);
    };
    const cases = {
      csv: async () => check((await exporter(data.view.day, 'csv')).path, 'csv', data),
      pdf: async () => check((await exporter(data.view.day, 'pdf')).path, 'pdf', data),
      floor,
      inline: () => reconPdf(data, { locale: 'zh-CN', timeZone: TZ }),
    };
    const got: Record<keyof typeof cases, Timed[]> = { csv: [], pdf: [], floor: [], inline: [] };
    // one unmeasured round (threads, fonts and modules loaded), then each in turn
    for (let r = 0; r <= o.runs; r++) {
      for (const [name, work] of Object.entries(cases) as [keyof typeof cases, () => Promise<unknown>][]) {
        const t = await timed(work);
        if (r > 0) got[name].push(t);
      }
    }
    const p50 = (name: keyof typeof cases): number =>
      percentile(
        got[name].map((t) => t.ms),
        50,
      );
    const block = (name: keyof typeof cases): number => Math.max(...got[name].map((t) => t.blockMs));
    const floorP50 = { name: 'same data through a worker, nothing rendered', value: p50('floor') };
    const floorBlock = { name: 'same', value: block('floor') };
    const day = `${o.differences.toLocaleString('en')} differences + ${o.matched.toLocaleString('en')} matched`;
    const rows: BenchRow[] = [
      {
        metric: `CSV export of ${day} p50 (of ${o.runs})`,
        value: p50('csv'),
        unit: 'ms',
        baseline: floorP50,
      },
      {
        metric: `PDF export of ${day} p50 (of ${o.runs})`,
        value: p50('pdf'),
        unit: 'ms',
        baseline: floorP50,
        target: `< ${PDF_TARGET_MS} ms`,
        pass: p50('pdf') < PDF_TARGET_MS,
      },
      ...(['csv', 'pdf'] as const).map((f): BenchRow => ({
        metric: `main event loop: longest block during the ${f.toUpperCase()} export`,
        value: block(f),
        unit: 'ms',
        baseline: floorBlock,
        target: `< ${BLOCK_TARGET_MS} ms`,
        pass: block(f) < BLOCK_TARGET_MS,
      })),
      {
        metric: 'the same PDF rendered on the main thread p50 (the block the worker spares)',
        value: p50('inline'),
        unit: 'ms',
        baseline: { name: 'PDF export through the worker', value: p50('pdf') },
      },
    ];
    return { name: `reconciliation export: a busy day (${day})`, rows };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
