// Renderer build. Also consumed by Electron Forge's Vite plugin (renderer entry). The output is static files
// loaded from app:// (Electron) or served by the web host, hence the relative base.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// This file runs in Node at build time, but lives under renderer/ where Node imports are banned: it uses only
// globals (import.meta.dirname, crypto). Vite resolves the joined paths.
const here = (p: string): string => `${import.meta.dirname}/${p}`;

/**
 * Dev server only: React Fast Refresh injects an inline preamble and Vite injects <style> tags, both
 * blocked by the strict CSP in index.html. Allow exactly those through a per-run nonce; the production
 * build keeps the CSP untouched.
 */
function devCspNonce(nonce: string): Plugin {
  return {
    name: 'counterpos:dev-csp-nonce',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`)
        .replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`),
  };
}

/** Extra fields Electron Forge's Vite plugin passes to a config function (renderer entry "main_window"). */
interface ForgeEnv {
  readonly root?: string;
  readonly forgeConfigSelf?: { readonly name?: string };
}

export default defineConfig((env) => {
  const nonce = env.command === 'serve' ? crypto.randomUUID().replaceAll('-', '') : undefined;
  // Forge merges this config over its own, so its output folder must be restated here (absolute: our root is
  // renderer/, not the project): main loads .vite/renderer/<name>/. Plain `vite build` goes to dist/renderer.
  const forge = env as typeof env & ForgeEnv;
  const forgeName = forge.forgeConfigSelf?.name;
  const outDir =
    forgeName && forge.root ? `${forge.root}/.vite/renderer/${forgeName}` : here('../dist/renderer');
  return {
    root: here('.'),
    base: './',
    plugins: [react(), ...(nonce ? [devCspNonce(nonce)] : [])],
    html: { cspNonce: nonce },
    resolve: { alias: { '@contract': here('../main/api') } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome120',
      // The CSP has no 'unsafe-inline': no inline module-preload polyfill, no assets inlined as data: URLs.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
    },
  };
});
