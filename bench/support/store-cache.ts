// Generated stores, built once and kept outside the repo, keyed by what decides their content: the generator
// and every source file it reaches by import (the services of the write path, the repos, the migrations), plus
// its parameters. Change a migration or a line of the write path and the next run rebuilds; change nothing and
// the store is reused. Users get a COPY (copyStore), so the cached file never changes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateLargeStore, type LargeStoreSummary } from './large-store';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const GENERATOR = path.join(REPO, 'bench', 'support', 'large-store.ts');
/** Bump to force a rebuild of every cached store (e.g. a change of the cache layout). */
const LAYOUT = 1;

export interface StoreSpec {
  readonly sales: number;
  readonly seed?: number;
}

export interface CachedStore {
  /** holds pos.sqlite and config.json; never write to it: copy it (copyStore) */
  readonly dir: string;
  readonly key: string;
  /** null when it was already cached */
  readonly built: LargeStoreSummary | null;
  readonly summary: LargeStoreSummary;
  /** set when an older store was taken on purpose (allowStale): the key it was built under */
  readonly staleKey: string | null;
}

/** Every repo source file `entry` reaches through relative imports (itself included), sorted. */
export function sourcesReachedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    // Static value imports only: a type-only import changes no row, and the worker jobs' lazy imports
    // (main/jobs/jobs.ts) do not run while a store is generated.
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'/gm)) {
      const spec = m[1];
      if (spec === undefined) continue;
      const base = path.resolve(path.dirname(file), spec);
      const found = [base, `${base}.ts`, path.join(base, 'index.ts')].find(
        (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
      );
      if (found !== undefined && found.endsWith('.ts')) visit(found);
    }
  };
  visit(entry);
  return [...seen].sort();
}

/** The cache key of a store: its parameters and the content of every file that writes it. */
export function storeKey(spec: StoreSpec): string {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify({ layout: LAYOUT, sales: spec.sales, seed: spec.seed ?? null }));
  for (const f of sourcesReachedFrom(GENERATOR)) {
    h.update(path.relative(REPO, f));
    h.update('\0');
    h.update(fs.readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 20);
}

/** Where cached stores live: $COUNTERPOS_BENCH_CACHE, else ~/.cache/counterpos-bench. */
export const defaultCacheRoot = (): string =>
  process.env.COUNTERPOS_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'counterpos-bench');

/**
 * The cached store for `spec` under `root`, building it first when it is missing or stale. Older stores of the
 * same size are removed once the new one is in place (a 1,000,000-sale store is gigabytes). Safe when two
 * processes ask at once: each builds in its own folder and the first rename wins.
 */
export async function cachedStore(
  spec: StoreSpec,
  opts: {
    readonly root?: string;
    readonly log?: (line: string) => void;
    /**
     * Take the newest store of this size even if it was built from other sources (the app migrates it forward
     * when it opens it, as it would a shop's). For a run that cannot wait for a rebuild; the caller says so.
     */
    readonly allowStale?: boolean;
  } = {},
): Promise<CachedStore> {
  const root = opts.root ?? defaultCacheRoot();
  const log = opts.log ?? (() => undefined);
  const key = storeKey(spec);
  const prefix = `store-${spec.sales}-`;
  const dir = path.join(root, `${prefix}${key}`);
  const summaryFile = path.join(dir, 'summary.json');
  if (fs.existsSync(summaryFile)) {
    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as LargeStoreSummary;
    return { dir, key, built: null, summary, staleKey: null };
  }
  if (opts.allowStale === true && fs.existsSync(root)) {
    const older = fs
      .readdirSync(root)
      .filter((d) => d.startsWith(prefix) && fs.existsSync(path.join(root, d, 'summary.json')))
      .map((d) => ({ d, at: fs.statSync(path.join(root, d, 'summary.json')).mtimeMs }))
      .sort((a, b) => b.at - a.at)[0];
    if (older !== undefined) {
      const olderDir = path.join(root, older.d);
      const summary = JSON.parse(
        fs.readFileSync(path.join(olderDir, 'summary.json'), 'utf8'),
      ) as LargeStoreSummary;
      return { dir: olderDir, key, built: null, summary, staleKey: older.d.slice(prefix.length) };
    }
  }
  fs.mkdirSync(root, { recursive: true });
  const work = path.join(root, `.building-${prefix}${key}-${process.pid}`);
  fs.rmSync(work, { recursive: true, force: true });
  log(`building a ${spec.sales.toLocaleString('en')}-sale store (key ${key}) in ${root} ...`);
  const step = Math.max(1, Math.round(spec.sales / 10));
  const summary = await generateLargeStore({
    dataDir: work,
    sales: spec.sales,
    ...(spec.seed === undefined ? {} : { seed: spec.seed }),
    onProgress: (done, total) => {
      if (done % step === 0 || done === total)
        log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
    },
  });
  fs.writeFileSync(path.join(work, 'summary.json'), JSON.stringify(summary, null, 2));
  try {
    fs.renameSync(work, dir);
  } catch (e) {
    // Another process finished the same store first: theirs is identical (same key, same seed).
    fs.rmSync(work, { recursive: true, force: true });
    if (!fs.existsSync(summaryFile)) throw e;
  }
  for (const old of fs.readdirSync(root)) {
    if (old.startsWith(prefix) && old !== path.basename(dir)) {
      fs.rmSync(path.join(root, old), { recursive: true, force: true });
    }
  }
  log(`built in ${(summary.ms / 1000).toFixed(1)} s`);
  return { dir, key, built: summary, summary, staleKey: null };
}

/** A private copy of a cached store (pos.sqlite + config.json) in `to`, for a run to write into. */
export function copyStore(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const f of ['pos.sqlite', 'config.json']) fs.copyFileSync(path.join(from, f), path.join(to, f));
  // The PIN pepper (main/staff/pepper.ts): without it no PIN of the generated staff verifies. Its folder and
  // file keep the modes the till insists on.
  const keys = path.join(from, 'keys');
  if (fs.existsSync(keys)) {
    fs.cpSync(keys, path.join(to, 'keys'), { recursive: true });
    fs.chmodSync(path.join(to, 'keys'), 0o700);
    for (const f of fs.readdirSync(path.join(to, 'keys'))) fs.chmodSync(path.join(to, 'keys', f), 0o600);
  }
}
