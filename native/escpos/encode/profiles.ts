// What we know about each kind of receipt printer we drive. The receipt layout needs the column count, the
// encoders need the capabilities; one table keeps the two from disagreeing.

export type PrintMode = 'text' | 'raster';
export type PaperWidthMm = 58 | 80;

export interface PrinterCapabilities {
  /** Chinese ROM font: GB18030 text in `FS &` Chinese mode. Without it CJK text needs raster mode. */
  readonly cjkFont: boolean;
  /** `GS ( k` QR codes; without it the lookup URL is printed as text. */
  readonly nativeQr: boolean;
  /** An auto-cutter: `GS V`; without it the paper is only fed out to the tear bar. */
  readonly cutter: boolean;
  /** A drawer kick-out connector (`ESC p`). */
  readonly drawer: boolean;
}

export interface PrinterProfile {
  readonly id: string;
  readonly description: string;
  readonly paperMm: PaperWidthMm;
  /** printable dots per line at 203 dpi */
  readonly widthDots: number;
  /** characters per line in font A (12x24): widthDots / 12 */
  readonly columns: number;
  readonly capabilities: PrinterCapabilities;
  readonly defaultMode: PrintMode;
}

// 203 dpi: 80 mm paper prints 72 mm = 576 dots, 58 mm prints 48 mm = 384 dots (hardware guide).
const GEOMETRY: Readonly<Record<PaperWidthMm, { widthDots: number; columns: number }>> = {
  80: { widthDots: 576, columns: 48 },
  58: { widthDots: 384, columns: 32 },
};

export const PROFILES: readonly PrinterProfile[] = [
  {
    id: 'epson-80',
    description: 'Epson TM-T88 class, 80 mm, Latin code pages only: Chinese needs raster mode',
    paperMm: 80,
    ...GEOMETRY[80],
    capabilities: { cjkFont: false, nativeQr: true, cutter: true, drawer: true },
    // A Chinese shop's receipts nearly always contain Hanzi, which this printer can only print as an image.
    defaultMode: 'raster',
  },
  {
    id: 'cn-80',
    description: 'Chinese 80 mm printer with a GB18030 ROM font (Xprinter XP-N160 class)',
    paperMm: 80,
    ...GEOMETRY[80],
    capabilities: { cjkFont: true, nativeQr: true, cutter: true, drawer: true },
    defaultMode: 'text',
  },
  {
    id: 'cn-58',
    description: 'Chinese 58 mm printer with a GB18030 ROM font, no cutter, no native QR (POS-5890 class)',
    paperMm: 58,
    ...GEOMETRY[58],
    capabilities: { cjkFont: true, nativeQr: false, cutter: false, drawer: true },
    defaultMode: 'text',
  },
];

export function findProfile(id: string): PrinterProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** The same printer on other paper (`--width 58` on an 80 mm model set to 58 mm paper). */
export function withPaperWidth(profile: PrinterProfile, paperMm: PaperWidthMm): PrinterProfile {
  if (paperMm === profile.paperMm) return profile;
  return { ...profile, paperMm, ...GEOMETRY[paperMm] };
}
