// Where the bundled receipt font lives. Shared by the build script, the renderer and the tests so the
// three can never disagree on a file name.
import path from 'node:path';

export const FONT_FILES = {
  regular: 'NotoSansSC-receipt-Regular.ttf',
  bold: 'NotoSansSC-receipt-Bold.ttf',
} as const;

/** The family name the renderer registers both weights under (an alias, so the upstream name can change). */
export const FONT_FAMILY = 'CounterPOS Receipt SC';

/**
 * `resources/fonts` of the source checkout (tsx, vitest, the dev app). A packaged app passes its own resources
 * directory instead (RasterRenderOptions.fontDir). Resolved lazily: a bundled CommonJS main has no
 * `import.meta.dirname`, and failing at import time would take the whole main process down.
 */
export function defaultFontDir(): string {
  const here = import.meta.dirname as string | undefined;
  return here
    ? path.resolve(here, '..', '..', '..', 'resources', 'fonts')
    : path.resolve('resources', 'fonts');
}
