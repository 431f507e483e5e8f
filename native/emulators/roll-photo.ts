// The "photo of a thermal receipt" look for docs and screenshots: warm off-white paper with faint texture,
// slightly grey and uneven print, zigzag torn edges where the paper was cut, a soft shadow on a dark counter
// and a small tilt. Purely cosmetic: it starts from the printed page and changes no dot's place.
import { createCanvas } from '@napi-rs/canvas';
import type { MonoPage } from './mono-bitmap';

const MARGIN = 72;
const TILT_RADIANS = (-0.7 * Math.PI) / 180;
const PAPER = [246, 241, 229] as const;
const INK = [58, 56, 62] as const;
const TOOTH = 7;
/** 80 mm paper is 8 mm wider than the 72 mm the head prints: 4 mm = 32 dots of blank paper each side. */
const SIDE = 32;

export interface PaperCut {
  readonly y: number;
  readonly partial: boolean;
}

/** Deterministic noise, so the same roll always gives the same picture (diffable screenshots). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zigzag offset (0..TOOTH) of a torn edge at x, a little irregular like real tearing. */
const tooth = (x: number, jitter: number): number => Math.abs(((x + jitter) % (2 * TOOTH)) - TOOTH);

export function photoPng(page: MonoPage, cuts: readonly PaperCut[]): Buffer {
  const random = rng(0x5eed);
  // The paper ends at the last full cut when nothing but blank feed follows it: that is where it was torn off.
  const last = cuts.at(-1);
  const end = last && !inkBelow(page, last.y) ? last.y : page.height + TOOTH;
  const paperHeight = end + TOOTH;
  const paperWidth = page.width + 2 * SIDE;
  const paper = createCanvas(paperWidth, paperHeight);
  const pctx = paper.getContext('2d');
  const img = pctx.createImageData(paperWidth, paperHeight);
  const jitter = Array.from({ length: paperWidth }, () => Math.floor(random() * 3));
  for (let y = 0; y < paperHeight; y++) {
    // Light falls from the top: the paper is a touch darker further down.
    const shade = 1 - (0.05 * y) / paperHeight;
    for (let x = 0; x < paperWidth; x++) {
      const i = (y * paperWidth + x) * 4;
      const grain = (random() - 0.5) * 6;
      const dx = x - SIDE;
      const inked = y < page.height && dx >= 0 && dx < page.width && page.pixels[y * page.width + dx] === 1;
      // Thermal print is never pure black and never perfectly even.
      const density = inked ? 0.82 + random() * 0.18 : 0;
      for (let c = 0; c < 3; c++) {
        const base = (PAPER[c] ?? 0) * shade + grain;
        img.data[i + c] = base + ((INK[c] ?? 0) - base) * density;
      }
      img.data[i + 3] = torn(x, y, end, cuts, jitter[x] ?? 0) ? 0 : 255;
    }
  }
  pctx.putImageData(img, 0, 0);

  const width = paperWidth + 2 * MARGIN;
  const height = paperHeight + 2 * MARGIN;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const counter = ctx.createLinearGradient(0, 0, width, height);
  counter.addColorStop(0, '#4a423b');
  counter.addColorStop(1, '#2b2622');
  ctx.fillStyle = counter;
  ctx.fillRect(0, 0, width, height);
  ctx.save();
  ctx.translate(width / 2, height / 2);
  ctx.rotate(TILT_RADIANS);
  ctx.shadowColor = 'rgba(0, 0, 0, 0.55)';
  ctx.shadowBlur = 28;
  ctx.shadowOffsetX = 8;
  ctx.shadowOffsetY = 12;
  ctx.drawImage(paper, -paperWidth / 2, -paperHeight / 2);
  ctx.restore();
  // A soft highlight, as from a lamp above the counter.
  const light = ctx.createRadialGradient(width * 0.4, height * 0.25, 0, width * 0.4, height * 0.25, height);
  light.addColorStop(0, 'rgba(255, 244, 220, 0.10)');
  light.addColorStop(1, 'rgba(0, 0, 0, 0.12)');
  ctx.fillStyle = light;
  ctx.fillRect(0, 0, width, height);
  return canvas.toBuffer('image/png');
}

function inkBelow(page: MonoPage, y: number): boolean {
  return page.pixels.subarray(Math.max(0, y) * page.width).includes(1);
}

/** Outside the paper: below the torn bottom edge, or inside the gap a cut left (a partial cut leaves bridges). */
function torn(x: number, y: number, end: number, cuts: readonly PaperCut[], jitter: number): boolean {
  if (y >= end - TOOTH + tooth(x, jitter)) return true;
  for (const cut of cuts) {
    if (cut.y >= end) continue;
    // A partial cut leaves the pieces hanging together by small bridges.
    if (cut.partial && x % 96 < 12) continue;
    if (y > cut.y - 3 - tooth(x, jitter) && y < cut.y + 3 + tooth(x + TOOTH, jitter)) return true;
  }
  return false;
}
