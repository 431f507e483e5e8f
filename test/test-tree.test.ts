// The test tree mirrors the source tree: a suite under test/main or test/native is named after the module it
// tests (test/main/x/y.test.ts or test/main/x/y.<aspect>.test.ts for main/x/y.ts, or a folder main/x/y/), so a
// reader finds a module's tests by its path. Suites that test no one module are listed here with their reason.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Cross-cutting suites: no one module is their subject. Keep this list short. */
const CROSS_CUTTING: Record<string, string> = {
  'test/main/query-plans.test.ts': 'every statement the hot paths prepare, planned on a large store',
  'test/main/payments/no-card-data.test.ts':
    'no card data in the store, the journal or the logs, whatever path',
  'test/main/payments/fault-proxy.test.ts':
    'random network faults below HTTP across the whole host: every sale once locally and once at the gateway',
};

function suites(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) suites(rel, out);
    else if (/\.test\.tsx?$/.test(e.name)) out.push(rel);
  }
  return out;
}

/** main/x/y.ts, main/x/y.tsx or the folder main/x/y/ for test/main/x/y[.aspect].test.ts. */
function counterpartOf(suite: string): string | null {
  const rel = suite.replace(/^test\//, '');
  const dir = path.posix.dirname(rel);
  const name = path.posix.basename(rel).split('.')[0] ?? '';
  for (const c of [`${dir}/${name}.ts`, `${dir}/${name}.tsx`, `${dir}/${name}`])
    if (fs.existsSync(path.join(root, c))) return c;
  return null;
}

describe('the test tree mirrors the source tree', () => {
  const all = [...suites('test/main'), ...suites('test/native')];

  it('finds the suites', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('every suite under test/main and test/native has a source counterpart (or is listed with its reason)', () => {
    const orphans = all.filter((s) => counterpartOf(s) === null && !(s in CROSS_CUTTING));
    expect(orphans).toEqual([]);
  });

  it('the lists name only suites that exist and still need them', () => {
    const stale = Object.keys(CROSS_CUTTING).filter((s) => !all.includes(s) || counterpartOf(s) !== null);
    expect(stale).toEqual([]);
  });
});
