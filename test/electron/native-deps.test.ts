import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  copyNativeModules,
  findPackageDir,
  listNativeBinaries,
  resolveProductionClosure,
} from '../../main/electron/packaging/native-deps';

const temps: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a package at `<root>/<rel>` with a package.json and optional extra files. */
function pkg(
  root: string,
  rel: string,
  json: Record<string, unknown>,
  files: Record<string, string> = {},
): void {
  const dir = path.join(root, rel);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(json));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

/**
 * A miniature project: a native root with a hoisted dep, a nested (version-conflicting) dep, an installed
 * and a missing optional platform package, a scoped dep, and a dev-only package that must not be copied.
 */
function fakeProject(): string {
  const root = tempDir('pos-natives-project-');
  pkg(root, '.', { name: 'app', dependencies: { native: '1' }, devDependencies: { devtool: '1' } });
  pkg(
    root,
    'node_modules/native',
    {
      name: 'native',
      dependencies: { shared: '^2', '@scope/helper': '1' },
      optionalDependencies: { 'native-linux-x64': '1', 'native-win32-x64': '1' },
      devDependencies: { devtool: '1' },
    },
    { 'lib/index.js': '', 'prebuilds/linux-x64.node': 'ELF', 'node_modules/.bin/junk': '' },
  );
  pkg(root, 'node_modules/native/node_modules/shared', {
    name: 'shared',
    version: '2.0.0',
    dependencies: { leaf: '1' },
  });
  pkg(root, 'node_modules/shared', { name: 'shared', version: '1.0.0' });
  pkg(root, 'node_modules/leaf', { name: 'leaf' });
  pkg(root, 'node_modules/@scope/helper', { name: '@scope/helper' }, { 'index.js': '' });
  pkg(
    root,
    'node_modules/native-linux-x64',
    { name: 'native-linux-x64' },
    { 'native.linux-x64.node': 'ELF' },
  );
  pkg(root, 'node_modules/devtool', { name: 'devtool' });
  return root;
}

describe('native module dependency closure', () => {
  it('follows Node resolution: nested before hoisted, scoped names, never above the project', async () => {
    const root = fakeProject();
    const native = path.join(root, 'node_modules/native');
    expect(await findPackageDir('shared', native, root)).toBe(path.join(native, 'node_modules/shared'));
    expect(await findPackageDir('shared', root, root)).toBe(path.join(root, 'node_modules/shared'));
    expect(await findPackageDir('@scope/helper', native, root)).toBe(
      path.join(root, 'node_modules/@scope/helper'),
    );
    expect(await findPackageDir('nope', native, root)).toBeNull();
  });

  it('collects dependencies and installed optional dependencies, skips missing optional and dev ones', async () => {
    const root = fakeProject();
    const closure = await resolveProductionClosure(root, ['native']);
    expect(closure.map((p) => p.relPath.split(path.sep).join('/'))).toEqual([
      'node_modules/@scope/helper',
      'node_modules/leaf',
      'node_modules/native',
      'node_modules/native-linux-x64',
      'node_modules/native/node_modules/shared',
    ]);
  });

  it('fails loudly when a required dependency is missing', async () => {
    const root = fakeProject();
    fs.rmSync(path.join(root, 'node_modules/leaf'), { recursive: true });
    await expect(resolveProductionClosure(root, ['native'])).rejects.toThrow(/"leaf" \(needed by shared\)/);
    await expect(resolveProductionClosure(root, ['not-installed'])).rejects.toThrow(/not-installed/);
  });

  it('copies the closure to the same paths under the build path, without nested junk', async () => {
    const root = fakeProject();
    const build = tempDir('pos-natives-build-');
    const report = await copyNativeModules({ projectDir: root, buildPath: build, modules: ['native'] });
    expect(report.binaries).toEqual([
      'node_modules/native-linux-x64/native.linux-x64.node',
      'node_modules/native/prebuilds/linux-x64.node',
    ]);
    const has = (rel: string) => fs.existsSync(path.join(build, rel));
    expect(has('node_modules/native/lib/index.js')).toBe(true);
    expect(has('node_modules/native/node_modules/shared/package.json')).toBe(true);
    const nestedShared = JSON.parse(
      fs.readFileSync(path.join(build, 'node_modules/native/node_modules/shared/package.json'), 'utf8'),
    ) as { version: string };
    expect(nestedShared.version).toBe('2.0.0');
    expect(has('node_modules/shared')).toBe(false); // the hoisted v1 is not needed by anything copied
    expect(has('node_modules/native/node_modules/.bin')).toBe(false);
    expect(has('node_modules/devtool')).toBe(false);
    expect(await listNativeBinaries(path.join(build, 'node_modules'))).toHaveLength(2);
  });
});
