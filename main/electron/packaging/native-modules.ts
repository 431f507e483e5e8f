// Native (N-API) packages the main process loads at runtime. One list, used twice:
//  - vite.main.config.ts keeps them external (a .node binary cannot be bundled);
//  - forge.config.ts copies them and their production dependencies into the packaged app.
// Add a package here when main code starts importing it; `usb` and `node-hid` are listed ahead of the
// device drivers so the drivers cannot land without being packaged.
export const NATIVE_MODULES: readonly string[] = ['better-sqlite3', 'usb', 'node-hid', '@napi-rs/canvas'];

/** Optional native helpers that pure-JS packages try to `require` and fall back without (ws). */
export const OPTIONAL_NATIVE_PEERS: readonly string[] = ['bufferutil', 'utf-8-validate'];

/**
 * Pure-JS packages that cannot be bundled either, kept external and copied like the native ones: pdfkit
 * (report PDFs) reads its data files beside its own code, and Vite inlining them breaks the bundle at load.
 */
export const UNBUNDLED_MODULES: readonly string[] = ['pdfkit'];
