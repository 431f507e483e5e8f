// Issue 14 point 8: importing a WeChat Pay trade bill of 100,000 rows under 5 s and in constant memory.
// Bills are generated in the real layout (test/support/settlement-files.ts, summary agreeing with the rows)
// at 10,000 and 100,000 rows. Figures, each beside a same-run baseline (the same file read line by line with
// node:readline doing nothing: the floor for any streamed reader):
//   scan time: scanSettlementFile, every row checked and handed to a callback that only sums it (target < 5 s)
//   read time: readSettlementFile, the rows collected as the reconciliation keeps them (target < 5 s)
//   peak RSS growth while scanning, sampled every 5 ms and at every 1,000th row, at 10,000 and at 100,000 rows
//     (target < 64 MB, and growth at 100,000 rows within 16 MB of growth at 10,000: it does not scale with rows)
//   peak RSS growth while reading (collecting) 100,000 rows: printed, no target (the rows themselves are kept)
// Alone: node --import tsx bench/reconcile-import.bench.ts
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { readSettlementFile, scanSettlementFile } from '../main/reconciliation/formats/read';
import { tempDir, writeWechatBill } from '../test/support/settlement-files';
import { percentile, printReport, type BenchReport, type BenchRow } from './lib';

const MB = 1024 * 1024;
const ROWS = Number(process.env['BENCH_BILL_ROWS'] ?? 100_000);
const SMALL = Math.max(1, Math.round(ROWS / 10));

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Runs fn while sampling RSS; returns its duration and the peak RSS above where it started (after a GC). */
async function measured(
  fn: (sample: () => void) => Promise<unknown>,
): Promise<{ ms: number; growthMb: number }> {
  gc();
  const base = process.memoryUsage.rss();
  let peak = base;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  await fn(sample);
  const ms = performance.now() - t0;
  clearInterval(timer);
  sample();
  return { ms, growthMb: (peak - base) / MB };
}

async function baseline(file: string): Promise<{ ms: number; growthMb: number }> {
  return measured(async (sample) => {
    let n = 0;
    const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const _ of lines) if (++n % 1000 === 0) sample();
  });
}

async function scan(file: string): Promise<{ ms: number; growthMb: number }> {
  return measured(async (sample) => {
    let n = 0;
    let charged = 0;
    await scanSettlementFile(file, 'wechat', (row) => {
      charged += row.amountMinor;
      if (++n % 1000 === 0) sample();
    });
    if (charged <= 0) throw new Error('nothing read');
  });
}

async function read(file: string): Promise<{ ms: number; growthMb: number }> {
  return measured(async () => {
    const { rows } = await readSettlementFile(file, 'wechat');
    if (rows.length !== ROWS) throw new Error(`read ${rows.length} rows`);
  });
}

async function median(times: number, fn: () => Promise<{ ms: number }>): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push((await fn()).ms);
  return percentile(out, 50);
}

export default async function run(): Promise<BenchReport> {
  const dir = tempDir();
  try {
    const small = await writeWechatBill(path.join(dir, 'small.csv'), SMALL);
    const large = await writeWechatBill(path.join(dir, 'large.csv'), ROWS);
    const fileMb = fs.statSync(large).size / MB;
    // Warm the code paths up (JIT, lazily loaded modules) so the first measured run is not paying for them.
    await baseline(small);
    await scan(small);
    // Memory first, smallest first, before anything keeps rows: RSS rarely shrinks once grown.
    const baseSmall = await baseline(small);
    const scanSmall = await scan(small);
    const baseLarge = await baseline(large);
    const scanLarge = await scan(large);
    const readLarge = await read(large);
    const baseMs = await median(3, () => baseline(large));
    const scanMs = await median(3, () => scan(large));
    const readMs = await median(3, () => read(large));
    const k = (n: number): string => `${n / 1000}k`;
    const rows: BenchRow[] = [
      { metric: `bill size at ${k(ROWS)} rows`, value: fileMb, unit: 'MB' },
      {
        metric: `scan ${k(ROWS)} rows (median of 3)`,
        value: scanMs,
        unit: 'ms',
        baseline: { name: 'readline, nothing done', value: baseMs },
        target: '< 5000 ms',
        pass: scanMs < 5000,
      },
      {
        metric: `read ${k(ROWS)} rows, kept (median of 3)`,
        value: readMs,
        unit: 'ms',
        baseline: { name: 'readline, nothing done', value: baseMs },
        target: '< 5000 ms',
        pass: readMs < 5000,
      },
      {
        metric: `peak RSS growth, scan ${k(SMALL)} rows`,
        value: scanSmall.growthMb,
        unit: 'MB',
        baseline: { name: `readline ${k(SMALL)}`, value: Math.max(baseSmall.growthMb, 0.01) },
        target: '< 64 MB',
        pass: scanSmall.growthMb < 64,
      },
      {
        metric: `peak RSS growth, scan ${k(ROWS)} rows`,
        value: scanLarge.growthMb,
        unit: 'MB',
        baseline: { name: `scan ${k(SMALL)}`, value: Math.max(scanSmall.growthMb, 0.01) },
        target: `< 64 MB and within 16 MB of ${k(SMALL)} rows`,
        pass: scanLarge.growthMb < 64 && scanLarge.growthMb - scanSmall.growthMb < 16,
      },
      {
        metric: `peak RSS growth, readline ${k(ROWS)} rows`,
        value: baseLarge.growthMb,
        unit: 'MB',
      },
      {
        metric: `peak RSS growth, read ${k(ROWS)} rows kept`,
        value: readLarge.growthMb,
        unit: 'MB',
        baseline: { name: `scan ${k(ROWS)}`, value: Math.max(scanLarge.growthMb, 0.01) },
      },
    ];
    return { name: `reconcile import: a ${k(ROWS)}-row WeChat Pay bill`, rows };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printReport(await run());
