// Vite config for the sandboxed preload (merged by @electron-forge/plugin-vite: one CommonJS file,
// .vite/build/preload.cjs, `electron` external). Everything else — the contract, zod — is bundled in,
// because a sandboxed preload can require nothing but 'electron' and a few builtins.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@contract': fileURLToPath(new URL('./main/api', import.meta.url)) } },
  build: { minify: false },
});
