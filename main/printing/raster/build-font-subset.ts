// Dev-time: cuts Noto Sans SC down to what receipts print and stores the result in resources/fonts/.
//   node --import tsx main/printing/raster/build-font-subset.ts
// The full TTF is 10.5 MB per weight; the GB2312 cut is what we ship (see docs/decisions/0006).
// Run it again only when the charset or the upstream font changes; the outputs are committed.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { receiptCharset } from './charset';
import { FONT_FILES, defaultFontDir } from './font-files';

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));

const SOURCES = {
  regular: path.join(pkgDir, '400Regular', 'NotoSansSC_400Regular.ttf'),
  bold: path.join(pkgDir, '700Bold', 'NotoSansSC_700Bold.ttf'),
} as const;

async function main(): Promise<void> {
  const text = receiptCharset();
  const fontDir = defaultFontDir();
  fs.mkdirSync(fontDir, { recursive: true });
  for (const weight of ['regular', 'bold'] as const) {
    const source = fs.readFileSync(SOURCES[weight]);
    // Hinting is dropped: Skia renders unhinted outlines at receipt sizes fine and it saves ~20%.
    // Layout features stay (the subsetter keeps only what the kept glyphs need).
    const subset = await subsetFont(source, text, { targetFormat: 'sfnt', noHinting: true });
    const out = path.join(fontDir, FONT_FILES[weight]);
    fs.writeFileSync(out, subset);
    console.log(`${FONT_FILES[weight]}: ${text.length} chars, ${(subset.length / 1e6).toFixed(2)} MB`);
  }
  fs.copyFileSync(path.join(pkgDir, 'LICENSE_FONT'), path.join(fontDir, 'OFL.txt'));
}

await main();
