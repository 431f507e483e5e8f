// Renderer build. Also consumed by Electron Forge's Vite plugin (renderer entry). The output is static files
// loaded from file:// (Electron) or served by the web host, hence the relative base.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
// This file runs in Node at build time, never in the page.
// eslint-disable-next-line no-restricted-imports
import { fileURLToPath } from 'node:url';
// eslint-disable-next-line no-restricted-imports
import { randomBytes } from 'node:crypto';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

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

export default defineConfig(({ command }) => {
  const nonce = command === 'serve' ? randomBytes(16).toString('base64url') : undefined;
  return {
    root: here('.'),
    base: './',
    plugins: [react(), ...(nonce ? [devCspNonce(nonce)] : [])],
    html: { cspNonce: nonce },
    resolve: { alias: { '@contract': here('../main/api') } },
    build: {
      outDir: here('../dist/renderer'),
      emptyOutDir: true,
      target: 'chrome120',
      // The CSP has no 'unsafe-inline': no inline module-preload polyfill, no assets inlined as data: URLs.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
    },
  };
});
