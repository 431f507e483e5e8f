// The font a rendered roll is drawn with, registered with Skia once per file set under its own alias, so two
// callers with different fonts in one process never draw with each other's glyphs.
import fs from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';
import { fontCoverage } from '../fonts/font-coverage';

export interface RollFont {
  readonly family: string;
  /** A real bold face was given; without one, bold is struck twice one dot apart (as printers emphasise). */
  readonly hasBold: boolean;
  readonly covers: (codePoint: number) => boolean;
}

const loaded = new Map<string, RollFont>();

export function loadRollFont(fontPath: string, boldFontPath?: string): RollFont {
  const key = `${fontPath}\n${boldFontPath ?? ''}`;
  const known = loaded.get(key);
  if (known) return known;
  const family = `RollPng ${loaded.size + 1}`;
  const faces = [fontPath, ...(boldFontPath ? [boldFontPath] : [])].map((file) => {
    const bytes = fs.readFileSync(file);
    if (!GlobalFonts.register(bytes, family)) throw new Error(`could not register font ${file}`);
    return fontCoverage(bytes);
  });
  // A character drawn in one weight and missing in the other would switch fonts mid-receipt: require both.
  const covers = (cp: number): boolean => faces.every((set) => set.has(cp));
  const font: RollFont = { family, hasBold: faces.length > 1, covers };
  loaded.set(key, font);
  return font;
}
