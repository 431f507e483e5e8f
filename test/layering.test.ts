// The process boundaries, checked over the whole tree (ESLint enforces them per file; this also fails on a
// source file that sits where no rule covers it, as VS Code's layer check does).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import capabilities from '../main/capabilities.json';
import { againstTheOrder, capabilityOf, cycles, importGraph } from './support/import-graph';

const root = path.resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.vite', 'coverage', '.tmp', 'test-results']);
const LAYERS = ['main/', 'renderer/', 'native/', 'test/', 'bench/'];
const ROOT_FILES = /^(forge\.config|vitest\.config|vite\.[a-z]+\.config|eslint\.config)\.(ts|js|mts)$/;

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) sources(full, out);
    else if (/\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
      out.push(path.relative(root, full));
  }
  return out;
}

const files = sources(root);
const importsOf = (file: string): string[] =>
  [
    ...fs
      .readFileSync(path.join(root, file), 'utf8')
      .matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1] as string);

describe('process layering', () => {
  it('every source file belongs to a layer', () => {
    const orphans = files.filter((f) => !LAYERS.some((l) => f.startsWith(l)) && !ROOT_FILES.test(f));
    expect(orphans).toEqual([]);
  });

  it('only main/electron/ imports electron', () => {
    const offenders = files.filter(
      (f) => !f.startsWith('main/electron/') && !f.startsWith('test/') && importsOf(f).includes('electron'),
    );
    expect(offenders).toEqual([]);
  });

  it('the renderer reaches main only through @contract (main/api)', () => {
    const offenders = files
      .filter((f) => f.startsWith('renderer/'))
      .flatMap((f) => importsOf(f).map((i) => [f, i] as const))
      .filter(([f, i]) => {
        if (i.startsWith('@contract/')) return false;
        if (!i.startsWith('.')) return i.startsWith('node:') || i === 'electron';
        const target = path.relative(root, path.resolve(root, path.dirname(f), i));
        return !target.startsWith('renderer/');
      });
    expect(offenders).toEqual([]);
  });

  it('main/api stays pure (shared with the renderer)', () => {
    const offenders = files
      .filter((f) => f.startsWith('main/api/'))
      .flatMap((f) => importsOf(f).map((i) => [f, i] as const))
      // zod, or a relative import that stays inside main/api (its contract/ folder reaches `../result`).
      .filter(([f, i]) => {
        if (i === 'zod') return false;
        if (!i.startsWith('.')) return true;
        return !path.relative(root, path.resolve(root, path.dirname(f), i)).startsWith('main/api/');
      });
    expect(offenders).toEqual([]);
  });
});

describe('capability layering inside main/ (main/capabilities.json)', () => {
  const app = files.filter(
    (f) =>
      (f.startsWith('main/') || f.startsWith('native/') || f.startsWith('renderer/')) && !f.endsWith('.d.ts'),
  );
  const graph = importGraph(root, app);

  it('no import cycle anywhere in main/, native/ or renderer/ (type-only imports aside)', () => {
    // The graph is really read: the renderer reaches the contract, the host reaches every capability.
    expect([...graph.values()].flat().length).toBeGreaterThan(800);
    expect(cycles(graph)).toEqual([]);
  });

  it('every capability folder of main/ is placed in a layer', () => {
    const placed = new Set(capabilities.layers.flat());
    const folders = [...new Set(app.map(capabilityOf).filter((c): c is string => c !== null))];
    expect(folders.filter((c) => !placed.has(c))).toEqual([]);
  });

  it('a capability imports by value only capabilities of earlier layers', () => {
    expect(againstTheOrder(graph, capabilities.layers)).toEqual([]);
  });

  it('the checks find what they look for', () => {
    const g = new Map([
      ['main/sale/a.ts', ['main/payments/b.ts']],
      ['main/payments/b.ts', ['main/sale/a.ts', 'main/store/c.ts']],
      ['main/store/c.ts', []],
    ]);
    expect(cycles(g)).toEqual([['main/payments/b.ts', 'main/sale/a.ts']]);
    expect(againstTheOrder(g, [['store'], ['sale'], ['payments']])).toEqual([
      'sale -> payments (main/sale/a.ts -> main/payments/b.ts)',
    ]);
  });
});
