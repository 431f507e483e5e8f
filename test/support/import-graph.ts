// The app's value-import graph, read from the source text (type-only imports carry no behaviour and are left
// out), and the two checks the layering test runs on it: no cycle, and main/'s capabilities importing only
// earlier layers (main/capabilities.json). ESLint checks the same per file; this checks the whole tree at once.
import fs from 'node:fs';
import path from 'node:path';

export type Graph = ReadonlyMap<string, readonly string[]>;

const IMPORT =
  /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** `file`'s value imports that resolve to files of the tree (relative, or the renderer's @contract alias). */
export function valueImports(root: string, file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    if (m[1] !== undefined) continue; // import type / export type
    const spec = m[2] ?? m[3] ?? '';
    const base = spec.startsWith('.')
      ? path.resolve(root, path.dirname(file), spec)
      : spec.startsWith('@contract/')
        ? path.resolve(root, 'main/api', spec.slice('@contract/'.length))
        : null;
    if (base === null) continue;
    const hit = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
      (c) => fs.existsSync(c) && fs.statSync(c).isFile(),
    );
    if (hit !== undefined) out.push(path.relative(root, hit).split(path.sep).join('/'));
  }
  return out;
}

export function importGraph(root: string, files: readonly string[]): Graph {
  return new Map(files.map((f) => [f, valueImports(root, f)]));
}

/** Every cycle, as the files of each strongly connected component of more than one file (or a self-import). */
export function cycles(graph: Graph): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
        on.delete(w);
        scc.push(w);
        if (w === v) break;
      }
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

/** main/<capability>/... -> capability; a file directly in main/ is the composition root, 'host'. */
export function capabilityOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] !== 'main') return null;
  return parts.length === 2 ? 'host' : (parts[1] ?? null);
}

/** Imports from one capability into another of the same or a later layer: `from -> to (file -> file)`. */
export function againstTheOrder(graph: Graph, layers: readonly (readonly string[])[]): string[] {
  const layerOf = new Map(layers.flatMap((l, i) => l.map((c) => [c, i] as const)));
  const out: string[] = [];
  for (const [from, tos] of graph) {
    const fc = capabilityOf(from);
    if (fc === null) continue;
    for (const to of tos) {
      const tc = capabilityOf(to);
      if (tc === null || tc === fc) continue;
      const a = layerOf.get(fc);
      const b = layerOf.get(tc);
      if (a === undefined || b === undefined || b >= a) out.push(`${fc} -> ${tc} (${from} -> ${to})`);
    }
  }
  return out;
}
