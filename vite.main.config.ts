// Vite config for the Electron main-process bundle (merged by @electron-forge/plugin-vite with its own
// defaults: CommonJS lib build to .vite/build/main.cjs, electron + Node builtins external).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import {
  NATIVE_MODULES,
  OPTIONAL_NATIVE_PEERS,
  UNBUNDLED_MODULES,
} from './main/electron/packaging/native-modules';

const escape = (name: string): string => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export default defineConfig({
  resolve: { alias: { '@contract': fileURLToPath(new URL('./main/api', import.meta.url)) } },
  build: {
    // Readable stack traces in support logs matter more than a few hundred KB inside the asar.
    minify: false,
    rollupOptions: {
      // Native modules load .node binaries at runtime: keep them as require() calls; forge.config.ts copies
      // them into the app. Subpath imports (better-sqlite3/lib/...) stay external too.
      external: [...NATIVE_MODULES, ...OPTIONAL_NATIVE_PEERS, ...UNBUNDLED_MODULES].flatMap((name) => [
        name,
        new RegExp(`^${escape(name)}/`),
      ]),
    },
  },
});
