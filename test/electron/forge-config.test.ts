import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { createPackageWithOptions } from '@electron/asar';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import config, { ASAR_UNPACK } from '../../forge.config';
import { NATIVE_MODULES, UNBUNDLED_MODULES } from '../../main/electron/packaging/native-modules';

const root = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

const plugin = (name: string) => (config.plugins ?? []).find((p) => (p as { name?: string }).name === name);

describe('forge.config.ts', () => {
  it('sets every required fuse', () => {
    const fuses = (plugin('fuses') as unknown as { fusesConfig: Record<string, unknown> }).fusesConfig;
    expect(fuses['version']).toBe(FuseVersion.V1);
    const expected: [FuseV1Options, boolean][] = [
      [FuseV1Options.RunAsNode, false],
      [FuseV1Options.EnableCookieEncryption, true],
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
      [FuseV1Options.EnableNodeCliInspectArguments, false],
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
      [FuseV1Options.OnlyLoadAppFromAsar, true],
      [FuseV1Options.GrantFileProtocolExtraPrivileges, false],
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, false],
    ];
    for (const [fuse, value] of expected) expect(fuses[fuse], FuseV1Options[fuse]).toBe(value);
  });

  it('builds main and preload with Vite, and the renderer from renderer/vite.config.ts as main_window', () => {
    const vite = plugin('vite') as unknown as {
      config: {
        build: { entry: string; config: string; target?: string }[];
        renderer: { name: string; config: string }[];
      };
    };
    expect(vite.config.build).toEqual([
      { entry: 'main/electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
      { entry: 'main/electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      { entry: 'main/jobs/pos-worker.ts', config: 'vite.main.config.ts', target: 'main' },
    ]);
    expect(vite.config.renderer).toEqual([{ name: 'main_window', config: 'renderer/vite.config.ts' }]);
    for (const file of [
      'vite.main.config.ts',
      'vite.preload.config.ts',
      'main/electron/main.ts',
      'main/electron/preload.ts',
      'main/jobs/pos-worker.ts',
    ]) {
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    }
  });

  it('makes a Squirrel installer, a deb and zips', () => {
    const names = (config.makers ?? []).map((m) => (m as { name?: string }).name);
    expect(names).toEqual(['squirrel', 'deb', 'zip']);
  });

  it('packs into an asar with native binaries unpacked, and does not rebuild the N-API modules', () => {
    expect(config.packagerConfig?.asar).toEqual({ unpack: '**/*.node' });
    expect(ASAR_UNPACK).toBe('**/*.node');
    expect(config.rebuildConfig?.ignoreModules).toEqual([...NATIVE_MODULES]);
  });

  it('keeps the native modules (and pdfkit, which reads its own data files) external in the main bundle', async () => {
    const { default: mainConfig } = await import('../../vite.main.config');
    const external = (mainConfig as { build: { rollupOptions: { external: (string | RegExp)[] } } }).build
      .rollupOptions.external;
    for (const name of [...NATIVE_MODULES, ...UNBUNDLED_MODULES]) {
      expect(external).toContain(name);
      expect(external.some((e) => e instanceof RegExp && e.test(`${name}/lib/index.js`))).toBe(true);
    }
  });

  it('copies better-sqlite3, its .node binary and its deps into the build path via packageAfterCopy; the asar unpacks the binary', async () => {
    const hook = config.hooks?.packageAfterCopy;
    expect(hook).toBeTypeOf('function');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-package-'));
    temps.push(work);
    const buildPath = path.join(work, 'app');
    fs.mkdirSync(path.join(buildPath, '.vite', 'build'), { recursive: true });
    fs.writeFileSync(path.join(buildPath, '.vite', 'build', 'main.cjs'), '');
    fs.writeFileSync(
      path.join(buildPath, 'package.json'),
      JSON.stringify({ name: 'counterpos', main: '.vite/build/main.cjs' }),
    );

    await hook?.({} as never, buildPath, '45.4.1', 'linux', 'x64');

    const exists = (rel: string) => fs.existsSync(path.join(buildPath, rel));
    expect(exists('node_modules/better-sqlite3/package.json')).toBe(true);
    expect(exists('node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(exists(`node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`)).toBe(
      true,
    );
    expect(exists('node_modules/node-addon-api/package.json')).toBe(true); // better-sqlite3's dependency
    expect(exists('node_modules/better-sqlite3/node_modules')).toBe(false);

    // The copied tree is complete: Node resolves and runs better-sqlite3 from the build path alone.
    const requireFromApp = createRequire(path.join(buildPath, '.vite', 'build', 'main.cjs'));
    expect(requireFromApp.resolve('better-sqlite3')).toBe(
      path.join(buildPath, 'node_modules/better-sqlite3/lib/index.js'),
    );
    const Database = requireFromApp('better-sqlite3') as new (file: string) => {
      prepare(sql: string): { get(): unknown };
      close(): void;
    };
    const db = new Database(':memory:');
    expect(db.prepare('select 41 + 1 as n').get()).toEqual({ n: 42 });
    db.close();
    // pdfkit (report PDFs) is copied whole with its dependencies and makes a PDF from the build path alone.
    expect(requireFromApp.resolve('pdfkit')).toContain(path.join(buildPath, 'node_modules', 'pdfkit'));
    const PDFDocument = requireFromApp('pdfkit') as new () => { end(): void; read(): Buffer | null };
    const pdf = new PDFDocument();
    pdf.end();
    expect(pdf.read()?.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Pack it the way @electron/packager does, with the configured unpack glob.
    const asar = path.join(work, 'app.asar');
    await createPackageWithOptions(buildPath, asar, { unpack: ASAR_UNPACK });
    const unpacked = `${asar}.unpacked`;
    const nodeFiles = (dir: string): string[] =>
      fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.node'))
        .map((f) => f.split(path.sep).join('/'))
        .sort();
    expect(nodeFiles(path.join(buildPath, 'node_modules')).length).toBeGreaterThan(0);
    expect(nodeFiles(path.join(unpacked, 'node_modules'))).toEqual(
      nodeFiles(path.join(buildPath, 'node_modules')),
    );
    expect(fs.existsSync(path.join(unpacked, 'node_modules/better-sqlite3/lib/index.js'))).toBe(false); // JS stays packed
  }, 120_000);
});
