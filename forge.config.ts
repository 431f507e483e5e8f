// Electron Forge: Vite builds (main, preload, renderer), installers, fuses, and the native-module copy step.
// See docs/decisions/0001-electron-shell-and-hardening.md for the reasoning.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { copyNativeModules } from './main/electron/packaging/native-deps';
import { NATIVE_MODULES, UNBUNDLED_MODULES } from './main/electron/packaging/native-modules';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

/** Native binaries must live outside the asar archive: the OS loader cannot map a file inside it. */
export const ASAR_UNPACK = '**/*.node';

const config: ForgeConfig = {
  packagerConfig: {
    name: 'CounterPOS',
    executableName: 'counterpos',
    asar: { unpack: ASAR_UNPACK },
    // The CJK font for raster receipts lands in <resources>/fonts (process.resourcesPath + '/fonts').
    extraResource: ['resources/fonts'],
  },
  rebuildConfig: {
    // All native modules ship N-API prebuilds that work in Electron unchanged; a rebuild would need Electron
    // headers from the network and a compiler on the build machine for nothing.
    ignoreModules: [...NATIVE_MODULES],
  },
  hooks: {
    // The Vite plugin packages only .vite/; copy the native modules and their runtime deps next to it.
    packageAfterCopy: async (_forgeConfig, buildPath) => {
      const modules = [...NATIVE_MODULES, ...UNBUNDLED_MODULES];
      const report = await copyNativeModules({ projectDir, buildPath, modules });
      console.log(
        `[native-deps] copied ${report.packages.length} packages (${report.packages.map((p) => p.name).join(', ')}); ` +
          `${report.binaries.length} .node binaries will be unpacked from the asar`,
      );
    },
  },
  makers: [
    new MakerSquirrel({
      name: 'counterpos',
      authors: 'CounterPOS team',
      description: 'CounterPOS point of sale',
    }),
    new MakerDeb({
      options: {
        name: 'counterpos',
        productName: 'CounterPOS',
        maintainer: 'CounterPOS team',
        categories: ['Office'],
      },
    }),
    new MakerZIP({}, ['win32', 'linux', 'darwin']),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'main/electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'main/electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
        // Long work (backups, checks, imports) runs in worker threads: main/workers/run-job.ts loads
        // pos-worker.cjs from beside main.cjs.
        { entry: 'main/jobs/pos-worker.ts', config: 'vite.main.config.ts', target: 'main' },
      ],
      renderer: [{ name: 'main_window', config: 'renderer/vite.config.ts' }],
    }),
    // Flipped in the Electron binary at package time; they cannot be changed by the app or its environment.
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    }),
  ],
};

export default config;
