// Packaging helper (plain Node, run by Forge's packageAfterCopy hook and by tests): the Vite plugin packages
// only `.vite/`, so native modules — which cannot be bundled — are copied into the packaged app here, together
// with their production dependency closure, keeping each package at the same node_modules path it has in the
// project so Node's module resolution finds the same tree at runtime.
import { cp, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface ResolvedPackage {
  readonly name: string;
  /** Absolute directory in the project. */
  readonly dir: string;
  /** Path relative to the project root, e.g. `node_modules/better-sqlite3`; reused under the build path. */
  readonly relPath: string;
}

interface PackageJson {
  readonly name?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

const exists = async (file: string): Promise<boolean> => {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
};

const readPackageJson = async (dir: string): Promise<PackageJson> =>
  JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as PackageJson;

/**
 * Node's lookup: `<dir>/node_modules/<name>`, then each ancestor's, but never above the project root
 * (a package found outside the project could not be reproduced inside the app).
 */
export async function findPackageDir(
  name: string,
  fromDir: string,
  projectDir: string,
): Promise<string | null> {
  const root = path.resolve(projectDir);
  let dir = path.resolve(fromDir);
  for (;;) {
    if (path.basename(dir) !== 'node_modules') {
      const candidate = path.join(dir, 'node_modules', ...name.split('/'));
      if (await exists(path.join(candidate, 'package.json'))) return candidate;
    }
    if (dir === root) return null;
    const parent = path.dirname(dir);
    if (parent === dir || !parent.startsWith(root)) return null;
    dir = parent;
  }
}

/**
 * The packages `roots` need at runtime: each root plus, transitively, its `dependencies` (must be installed)
 * and its `optionalDependencies` (copied when installed — e.g. the one platform binary package of `usb` —
 * skipped when not). devDependencies and peerDependencies are not followed.
 */
export async function resolveProductionClosure(
  projectDir: string,
  roots: readonly string[],
): Promise<ResolvedPackage[]> {
  const root = path.resolve(projectDir);
  const seen = new Map<string, ResolvedPackage>();
  const queue: { name: string; from: string; optional: boolean; requiredBy: string }[] = roots.map(
    (name) => ({
      name,
      from: root,
      optional: false,
      requiredBy: 'the app',
    }),
  );

  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const dir = await findPackageDir(next.name, next.from, root);
    if (dir === null) {
      if (next.optional) continue;
      throw new Error(
        `Cannot package native dependencies: "${next.name}" (needed by ${next.requiredBy}) is not installed.`,
      );
    }
    if (seen.has(dir)) continue;
    seen.set(dir, { name: next.name, dir, relPath: path.relative(root, dir) });

    const pj = await readPackageJson(dir);
    const optional = pj.optionalDependencies ?? {};
    for (const dep of Object.keys(pj.dependencies ?? {})) {
      if (!(dep in optional)) queue.push({ name: dep, from: dir, optional: false, requiredBy: next.name });
    }
    for (const dep of Object.keys(optional))
      queue.push({ name: dep, from: dir, optional: true, requiredBy: next.name });
  }
  return [...seen.values()].sort((a, b) => a.relPath.localeCompare(b.relPath));
}

/** Every `*.node` binary under `dir`, relative to it (forward slashes). */
export async function listNativeBinaries(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.node')) found.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  await walk(dir);
  return found.sort();
}

export interface CopyNativeModulesOptions {
  readonly projectDir: string;
  /** Forge's buildPath: the app folder that becomes app.asar. */
  readonly buildPath: string;
  readonly modules: readonly string[];
}

export interface CopyReport {
  readonly packages: readonly ResolvedPackage[];
  /** `.node` files now in the build path (relative to it); the asar `unpack` glob must match each. */
  readonly binaries: readonly string[];
}

/** Copies `modules` and their production closure into `<buildPath>/node_modules/…`. */
export async function copyNativeModules(options: CopyNativeModulesOptions): Promise<CopyReport> {
  const packages = await resolveProductionClosure(options.projectDir, options.modules);
  for (const pkg of packages) {
    const dest = path.join(options.buildPath, pkg.relPath);
    const nested = path.join(pkg.dir, 'node_modules');
    await mkdir(path.dirname(dest), { recursive: true });
    // A package's own node_modules is skipped: whatever it needs from there is in the closure and copied
    // on its own; the rest (dev tools, .bin links) does not belong in the app.
    await cp(pkg.dir, dest, {
      recursive: true,
      dereference: true,
      force: true,
      filter: (src) => src !== nested,
    });
  }
  const binaries = (await exists(path.join(options.buildPath, 'node_modules')))
    ? (await listNativeBinaries(path.join(options.buildPath, 'node_modules'))).map((b) => `node_modules/${b}`)
    : [];
  return { packages, binaries };
}
