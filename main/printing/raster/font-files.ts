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
 * Where the fonts are: in the packaged app, `<resources>/fonts` (forge.config.ts copies resources/fonts there as
 * an extra resource; Electron's main names the folder in `process.resourcesPath`); from the source checkout
 * (tsx, vitest, the dev app), its `resources/fonts`. Resolved lazily: a bundled CommonJS main has no
 * `import.meta.dirname`, and failing at import time would take the whole main process down.
 */
export function defaultFontDir(
  resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath,
): string {
  if (resourcesPath !== undefined) return path.join(resourcesPath, 'fonts');
  const here = import.meta.dirname as string | undefined;
  return here
    ? path.resolve(here, '..', '..', '..', 'resources', 'fonts')
    : path.resolve('resources', 'fonts');
}
