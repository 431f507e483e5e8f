// Lays decoded print commands out on the paper roll: text styles and alignment, lines, images, codes, cuts.
// The printer owns the mechanism; this owns what ends up on paper.
import type { Align, DecoderEvent, QrErrorLevel } from '../escpos/decoder';
import type { RollItem, TextSegment } from './paper-roll';

interface Style {
  align: Align;
  bold: boolean;
  width: number;
  height: number;
}
const DEFAULT_STYLE: Style = { align: 'left', bold: false, width: 1, height: 1 };

interface Qr {
  model: 1 | 2 | 'micro';
  moduleSize: number;
  errorLevel: QrErrorLevel;
  data: Uint8Array;
}
const DEFAULT_QR: Qr = { model: 2, moduleSize: 3, errorLevel: 'L', data: new Uint8Array(0) };

/** How the writer learns about the paper: it reports each line fed, and stops feeding when told. */
export interface PaperFeed {
  lineFed(): void;
  stopped(): boolean;
}

export class RollWriter {
  readonly roll: RollItem[] = [];
  private style: Style = { ...DEFAULT_STYLE };
  private pending: TextSegment[] = [];
  private lineAlign: Align | null = null;
  private qr: Qr = { ...DEFAULT_QR };

  constructor(private readonly paper: PaperFeed) {}

  /** Apply one print (non-real-time) command; others are ignored. */
  apply(e: DecoderEvent): void {
    switch (e.type) {
      case 'init':
        this.pending = [];
        this.lineAlign = null;
        this.style = { ...DEFAULT_STYLE };
        this.qr = { ...DEFAULT_QR };
        return;
      case 'text':
        this.lineAlign ??= this.style.align; // ESC a only takes effect at the start of a line
        this.pending.push({
          text: e.text,
          bold: this.style.bold,
          width: this.style.width,
          height: this.style.height,
        });
        return;
      case 'lineFeed':
        this.printLine();
        return;
      case 'feed':
        if (e.unit === 'lines') {
          const had = this.pending.length > 0;
          if (had) this.printLine();
          for (let i = had ? 1 : 0; i < e.amount && !this.paper.stopped(); i++) this.printLine();
        }
        return;
      case 'align':
        this.style.align = e.align;
        return;
      case 'bold':
        this.style.bold = e.on;
        return;
      case 'size':
        this.style.width = e.width;
        this.style.height = e.height;
        return;
      case 'printMode':
        this.style.bold = e.bold;
        this.style.width = e.doubleWidth ? 2 : 1;
        this.style.height = e.doubleHeight ? 2 : 1;
        return;
      case 'cut':
        this.flushLine();
        this.roll.push({ kind: 'cut', partial: e.partial });
        return;
      case 'barcode':
        this.flushLine();
        this.roll.push({ kind: 'barcode', symbology: e.symbology, data: e.text });
        return;
      case 'qrModel':
        this.qr.model = e.model;
        return;
      case 'qrModuleSize':
        this.qr.moduleSize = e.size;
        return;
      case 'qrErrorLevel':
        this.qr.errorLevel = e.level;
        return;
      case 'qrStore':
        this.qr.data = e.data;
        return;
      case 'qrPrint':
        this.flushLine();
        this.roll.push({ kind: 'qr', ...this.qr, text: new TextDecoder().decode(this.qr.data) });
        return;
      case 'rasterImage':
        this.flushLine();
        this.roll.push({
          kind: 'image',
          format: 'raster',
          widthDots: e.widthBytes * 8,
          height: e.height,
          data: e.data,
        });
        return;
      case 'bitImage':
        this.roll.push({
          kind: 'image',
          format: 'column',
          widthDots: e.widthDots,
          height: e.mode >= 32 ? 24 : 8,
          data: e.data,
        });
        return;
      case 'nvImage':
        this.flushLine();
        this.roll.push({ kind: 'nvImage', image: e.image });
        return;
      default:
        // Code tables and Chinese mode are the decoder's business; status commands the printer's.
        return;
    }
  }

  /** Print pending text, if any, as a line. */
  private flushLine(): void {
    if (this.pending.length > 0) this.printLine();
  }

  private printLine(): void {
    const segments = this.pending;
    this.roll.push({
      kind: 'line',
      text: segments.map((s) => s.text).join(''),
      align: this.lineAlign ?? this.style.align,
      segments,
    });
    this.pending = [];
    this.lineAlign = null;
    this.paper.lineFed();
  }
}
