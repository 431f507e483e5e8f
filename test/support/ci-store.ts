// The CI-sized store: the benchmark's generator (bench/support/large-store.ts, the app's own write path) at
// tens of thousands of sales, built once per machine under the OS temp folder (rebuilt when the write path or
// a migration changes, see bench/support/store-cache.ts) and handed to each test as a private copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cachedStore, copyStore } from '../../bench/support/store-cache';
import type { LargeStoreSummary } from '../../bench/support/large-store';

/** Sales in the CI store: enough that a full scan of a history table costs what it would in a shop. */
export const CI_STORE_SALES = Number(process.env.CI_STORE_SALES ?? 20_000);

export interface CiStore {
  /** a fresh data folder holding a copy of the store and its config.json; the caller removes it */
  readonly dataDir: string;
  readonly summary: LargeStoreSummary;
}

export async function ciStoreCopy(): Promise<CiStore> {
  const store = await cachedStore(
    { sales: CI_STORE_SALES },
    { root: path.join(os.tmpdir(), 'counterpos-ci-store') },
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-ci-store-'));
  copyStore(store.dir, dataDir);
  return { dataDir, summary: store.summary };
}
