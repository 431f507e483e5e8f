// Loads the bundled receipt font into Skia once per process and remembers which characters it covers.
import fs from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { fontCoverage } from '../../../native/fonts/font-coverage';
import { FONT_FAMILY, FONT_FILES, defaultFontDir } from './font-files';

export interface ReceiptFont {
  readonly family: string;
  /** Code points both weights can draw (the weights are cut from the same charset; we take the intersection). */
  readonly covers: (codePoint: number) => boolean;
}

let loaded: ReceiptFont | undefined;

/**
 * Registers Regular and Bold under one family alias, once per process (later calls return the first result,
 * whatever `dir`); throws if a font file is missing, which is a packaging bug.
 */
export function loadReceiptFont(dir: string = defaultFontDir()): ReceiptFont {
  if (loaded) return loaded;
  const sets = (['regular', 'bold'] as const).map((weight) => {
    const file = path.join(dir, FONT_FILES[weight]);
    const bytes = fs.readFileSync(file);
    if (!GlobalFonts.register(bytes, FONT_FAMILY)) throw new Error(`could not register font ${file}`);
    return fontCoverage(bytes);
  });
  const [regular, bold] = sets as [Set<number>, Set<number>];
  loaded = { family: FONT_FAMILY, covers: (cp) => regular.has(cp) && bold.has(cp) };
  return loaded;
}
