// Shared helpers for benchmarks. Every figure is printed beside a baseline measured in the same run,
// because absolute timings on a shared 2-core machine are noise.
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** the same-run baseline this figure is judged against */
  readonly baseline?: { readonly name: string; readonly value: number };
  /** human-readable target, e.g. "p50 <= 1.5x baseline" */
  readonly target?: string;
  readonly pass?: boolean;
}

export interface BenchReport {
  readonly name: string;
  readonly rows: readonly BenchRow[];
}

/** Runs fn `n` times (after `warmup` runs) and returns each duration in milliseconds. */
export async function sample(n: number, fn: () => unknown, warmup = Math.min(50, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

export function printReport(report: BenchReport): void {
  console.log(`\n== ${report.name} ==`);
  for (const r of report.rows) {
    const base = r.baseline
      ? `  | baseline ${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit}  ratio ${(r.value / r.baseline.value).toFixed(2)}x`
      : '';
    const verdict = r.target
      ? `  | target ${r.target}: ${r.pass === undefined ? '-' : r.pass ? 'MET' : 'MISSED'}`
      : '';
    console.log(`  ${r.metric}: ${fmt(r.value)} ${r.unit}${base}${verdict}`);
  }
}

const fmt = (v: number): string =>
  Math.abs(v) >= 100 ? v.toFixed(0) : v < 0.01 ? v.toFixed(4) : v.toFixed(3);
