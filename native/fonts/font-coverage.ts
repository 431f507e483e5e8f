// Which code points a TrueType/OpenType font maps to a glyph, read from its own `cmap` table.
// Why not ask the canvas: Skia silently falls back to any installed system font for characters our font lacks,
// so a rendered roll would look complete on one machine and differ on another. The font's cmap is the truth.
// (main/printing/raster has the same reader; native/ may not import main/, so the roll renderer keeps its own.)

/** Code points with a non-zero glyph in the font's Unicode cmap (format 12 preferred, else format 4). */
export function fontCoverage(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = findTable(view, 'cmap');
  const count = view.getUint16(cmap + 2);
  let format4 = -1;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const sub = cmap + view.getUint32(cmap + 8 + i * 8);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && format === 12) return readFormat12(view, sub);
    if (unicode && format === 4 && format4 < 0) format4 = sub;
  }
  if (format4 < 0) throw new Error('font has no Unicode cmap (format 4 or 12)');
  return readFormat4(view, format4);
}

function findTable(view: DataView, tag: string): number {
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const name = String.fromCharCode(...[0, 1, 2, 3].map((k) => view.getUint8(rec + k)));
    if (name === tag) return view.getUint32(rec + 8);
  }
  throw new Error(`font has no '${tag}' table`);
}

function readFormat12(view: DataView, sub: number): Set<number> {
  const out = new Set<number>();
  const groups = view.getUint32(sub + 12);
  for (let g = 0; g < groups; g++) {
    const start = view.getUint32(sub + 16 + g * 12);
    const end = view.getUint32(sub + 20 + g * 12);
    const glyph = view.getUint32(sub + 24 + g * 12);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
  }
  return out;
}

function readFormat4(view: DataView, sub: number): Set<number> {
  const out = new Set<number>();
  const segCount = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const start = view.getUint16(starts + s * 2);
    const end = view.getUint16(ends + s * 2);
    const delta = view.getUint16(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        // idRangeOffset is relative to its own position in the table (the spec's pointer trick).
        const raw = view.getUint16(rangeOffsetAt + rangeOffset + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
  return out;
}
