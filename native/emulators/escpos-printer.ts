// A receipt printer behind a byte interface, for tests and demos: bytes in through write(), paper out as a
// roll of lines / images / codes / cuts, status bytes back through readStatus(). It models what matters to
// a POS: paper (ok, near end, out — including running out mid-job), cover, cash drawer, and real-time
// status that is answered even while the printer is stopped.
import { EscPosDecoder } from '../escpos/decoder';
import type { DecoderEvent } from '../escpos/decoder';
import { isStatusRequest } from '../escpos/status';
import { renderRoll } from './paper-roll';
import type { RollItem } from './paper-roll';
import { RollWriter } from './roll-writer';
import { AutoStatusBack, isOffline, realTimeStatusByte, transmitStatusByte } from './printer-status';
import type { MechanismState, PaperState } from './printer-status';

export type { PaperState } from './printer-status';

export interface PrinterOptions {
  /** Font A columns: 48 on 80 mm paper, 32 on 58 mm. */
  columns?: number;
  /** Drawer kick pin the drawer is wired to; a pulse on the other pin is recorded but opens nothing. */
  drawerPin?: 2 | 5;
  /** Start (and return after ESC @) in Chinese mode, like a printer with a Chinese ROM. */
  chineseByDefault?: boolean;
}

export const PAPER_80MM = { columns: 48, dots: 576 } as const;
export const PAPER_58MM = { columns: 32, dots: 384 } as const;

// Events a printer acts on even while stopped (offline): the real-time commands.
const isRealTime = (e: DecoderEvent): boolean =>
  e.type === 'statusRequest' || e.type === 'realTimeRequest' || (e.type === 'drawerPulse' && e.realTime);

export class EscPosPrinter {
  /** Decoder complaints (unknown, error, truncated): a test asserting a clean job checks this is empty. */
  readonly problems: DecoderEvent[] = [];
  /** Every drawer pulse received, on either pin. */
  readonly pulses: Extract<DecoderEvent, { type: 'drawerPulse' }>[] = [];
  /** Events that arrived while the printer was stopped and were therefore not printed. */
  readonly notPrinted: DecoderEvent[] = [];

  private readonly decoder: EscPosDecoder;
  private readonly columns: number;
  private readonly drawerPin: 2 | 5;
  private responses: number[] = [];
  private paperState: PaperState = 'ok';
  private linesLeft: number | null = null;
  private cover = false;
  private drawer = false;
  private cutterFault = false;
  private readonly writer = new RollWriter({
    lineFed: () => {
      if (this.linesLeft !== null && --this.linesLeft <= 0) this.setPaper('out');
    },
    stopped: () => this.offline,
  });
  private readonly asb = new AutoStatusBack();
  private readonly outputListeners = new Set<() => void>();

  constructor(options: PrinterOptions = {}) {
    this.columns = options.columns ?? PAPER_80MM.columns;
    this.drawerPin = options.drawerPin ?? 2;
    this.decoder = new EscPosDecoder({ chineseByDefault: options.chineseByDefault ?? false });
  }

  /** Bytes from the host. */
  write(bytes: Uint8Array): void {
    for (const e of this.decoder.push(bytes)) this.handle(e);
  }

  /** The host closed the connection: a command cut off at the end is recorded as a problem. */
  endOfJob(): void {
    for (const e of this.decoder.end()) this.handle(e);
  }

  /** Bytes the printer has sent back since the last call (status answers), oldest first. */
  readStatus(): Uint8Array {
    const out = Uint8Array.from(this.responses);
    this.responses = [];
    return out;
  }

  /** Called whenever bytes are queued for the host (a transport drains them with readStatus()). */
  onOutput(listener: () => void): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  // ---- the world outside the protocol ----

  get paper(): PaperState {
    return this.paperState;
  }
  setPaper(state: PaperState): void {
    this.paperState = state;
    if (state !== 'out') this.linesLeft = null;
    this.statusChanged();
  }
  /** Paper runs out after `lines` more printed text lines (mid-job, if the job is longer). */
  runOutOfPaperAfter(lines: number): void {
    this.linesLeft = lines;
    if (lines <= 0) this.setPaper('out');
  }
  /** A new roll: printing resumes with the next bytes (the ones sent while out are lost). */
  loadPaper(): void {
    this.setPaper('ok');
  }
  get coverOpen(): boolean {
    return this.cover;
  }
  setCoverOpen(open: boolean): void {
    this.cover = open;
    this.statusChanged();
  }
  get drawerOpen(): boolean {
    return this.drawer;
  }
  /** Someone pushed the drawer shut. */
  closeDrawer(): void {
    this.drawer = false;
    this.statusChanged();
  }
  setCutterError(on: boolean): void {
    this.cutterFault = on;
    this.statusChanged();
  }
  /** GS a mask last set by the host. */
  get autoStatusBackMask(): number {
    return this.asb.enabledMask;
  }
  /** Stopped: nothing but real-time commands is processed. */
  get offline(): boolean {
    return isOffline(this.mechanism());
  }

  /** What has been printed, oldest first. */
  get roll(): readonly RollItem[] {
    return this.writer.roll;
  }

  /** The roll as text, for assertions. */
  renderText(): string {
    return renderRoll(this.roll, this.columns);
  }

  // ---- protocol ----

  private handle(e: DecoderEvent): void {
    if (e.type === 'unknown' || e.type === 'error' || e.type === 'truncated') this.problems.push(e);
    if (this.offline && !isRealTime(e)) {
      this.notPrinted.push(e);
      return;
    }
    switch (e.type) {
      case 'statusRequest':
        if (isStatusRequest(e.n)) this.send([realTimeStatusByte(e.n, this.mechanism())]);
        return;
      case 'transmitStatus':
        // GS r waits its turn in the job (so it is not answered while stopped); bit 4 clear marks it apart
        // from DLE EOT answers.
        this.send([transmitStatusByte(e.n, this.mechanism())]);
        return;
      case 'drawerPulse':
        this.pulses.push(e);
        if (e.pin === this.drawerPin) {
          this.drawer = true;
          this.statusChanged();
        }
        return;
      case 'autoStatusBack':
        this.send(this.asb.enable(e.mask, this.mechanism()) ?? []);
        return;
      default:
        this.writer.apply(e);
        return;
    }
  }

  private send(bytes: Iterable<number>): void {
    const before = this.responses.length;
    this.responses.push(...bytes);
    if (this.responses.length > before) for (const l of this.outputListeners) l();
  }

  private mechanism(): MechanismState {
    return {
      paper: this.paperState,
      coverOpen: this.cover,
      drawerOpen: this.drawer,
      cutterError: this.cutterFault,
    };
  }

  /** Something in the mechanism changed: automatic status back may have to tell the host. */
  private statusChanged(): void {
    this.send(this.asb.changed(this.mechanism()) ?? []);
  }
}
