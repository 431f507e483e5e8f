// Driver for ID TECH encrypting MSRs in HID mode (SecureMag, SecureHead, SREDKey… VID 0x0ACD): input
// reports are reassembled into enhanced-format frames, parsed, and surfaced as typed events. The POS
// only ever sees masked tracks + ciphertext + KSN; decryption happens at the gateway.
//
//   const reader = await openIdTechReader({ productId: 0x2010 });
//   reader.on('swipe', (s) => …); reader.on('bad-read', (b) => …); reader.on('disconnected', (d) => …);
import { EventEmitter } from 'node:events';
import { MsrFrameError } from './frame-error';
import type { MsrFrameErrorCode } from './frame-error';
import { parseEnhancedFrame } from './parse-enhanced';
import { ReportAssembler } from './report-assembler';
import type { ReportLayout } from './report-assembler';
import type { EncryptedSwipe } from './swipe';

export const IDTECH_VENDOR_ID = 0x0acd;
/** PIDs of the USB HID builds: 0x2010 "HID ID TECH structure" mode (0x2030 is keyboard emulation). */
export const IDTECH_HID_PRODUCT_ID = 0x2010;

/** The slice of node-hid's `HID` object the driver uses (node-hid's class satisfies it as is). */
export interface HidDeviceLike {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

export type BadReadReason =
  MsrFrameErrorCode | 'GARBAGE' | 'PARTIAL_FRAME_TIMEOUT' | 'DISCONNECTED_MID_FRAME' | 'PARSE_FAILED';

export interface BadRead {
  reason: BadReadReason;
  message: string;
  /** Tracks concerned (decode errors), if any. */
  tracks: readonly number[];
}

export interface Disconnected {
  /** True when the application closed the reader; false when the device vanished or failed. */
  expected: boolean;
  message: string;
}

export interface IdTechReaderEvents {
  swipe: [swipe: EncryptedSwipe];
  'bad-read': [badRead: BadRead];
  disconnected: [info: Disconnected];
}

export interface IdTechReaderOptions {
  /** 'frame-stream' (default): reports carry the bare STX frame; 'idtech-structure': 9-byte header first. */
  layout?: ReportLayout;
  /**
   * A frame whose next report does not arrive within this long is dropped as a bad read: a reader
   * sends a swipe's reports back to back, so a gap means lost reports, and waiting would glue the
   * remains to the next swipe.
   */
  partialFrameTimeoutMs?: number;
}

export class IdTechHidReader extends EventEmitter<IdTechReaderEvents> {
  private readonly assembler: ReportAssembler;
  private readonly timeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  private open = true;

  constructor(
    private readonly device: HidDeviceLike,
    options: IdTechReaderOptions = {},
  ) {
    super();
    this.assembler = new ReportAssembler(options.layout ?? 'frame-stream');
    this.timeoutMs = options.partialFrameTimeoutMs ?? 1000;
    device.on('data', (data) => this.onReport(data));
    device.on('error', (error) => this.onDeviceError(error));
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Closes the device; emits 'disconnected' (expected). */
  close(): void {
    this.shutDown({ expected: true, message: 'reader closed' });
  }

  private onReport(report: Buffer): void {
    if (!this.open) return;
    for (const out of this.assembler.push(
      new Uint8Array(report.buffer, report.byteOffset, report.byteLength),
    )) {
      if (out.kind === 'garbage') {
        this.badRead('GARBAGE', `${out.reason} (${out.bytes} bytes dropped)`);
        continue;
      }
      this.emitFrame(out.frame);
    }
    this.armTimer();
  }

  private emitFrame(frame: Uint8Array): void {
    let swipe: EncryptedSwipe;
    try {
      swipe = parseEnhancedFrame(frame);
    } catch (e) {
      if (e instanceof MsrFrameError) this.badRead(e.code, e.message, e.tracks);
      else this.badRead('PARSE_FAILED', e instanceof Error ? e.message : String(e));
      return;
    }
    this.emit('swipe', swipe);
  }

  private armTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.assembler.inFrame) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const dropped = this.assembler.reset();
      this.badRead(
        'PARTIAL_FRAME_TIMEOUT',
        `swipe incomplete after ${this.timeoutMs} ms (${dropped} bytes dropped)`,
      );
    }, this.timeoutMs);
    this.timer.unref();
  }

  private onDeviceError(error: Error): void {
    if (!this.open) return;
    if (this.assembler.inFrame) {
      const dropped = this.assembler.reset();
      this.badRead(
        'DISCONNECTED_MID_FRAME',
        `reader lost during a swipe (${dropped} bytes of a frame dropped)`,
      );
    }
    this.shutDown({ expected: false, message: error.message || 'device error' });
  }

  private shutDown(info: Disconnected): void {
    if (!this.open) return;
    this.open = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.assembler.reset();
    try {
      this.device.close();
    } catch {
      // Closing a device that is already gone fails on some platforms; it is closed either way.
    }
    this.emit('disconnected', info);
  }

  private badRead(reason: BadReadReason, message: string, tracks: readonly number[] = []): void {
    this.emit('bad-read', { reason, message, tracks });
  }
}

/** The parts of the node-hid module used to open a reader (injectable for tests). */
export interface NodeHidModule {
  devices(vendorId: number, productId: number): { path?: string | undefined }[];
  HID: new (path: string) => HidDeviceLike;
}

export interface OpenIdTechReaderOptions extends IdTechReaderOptions {
  vendorId?: number;
  productId?: number;
  /** Open this exact HID path instead of the first matching device. */
  path?: string;
}

export class ReaderNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReaderNotFoundError';
  }
}

/**
 * Opens the first ID TECH HID reader (or `path`). node-hid is imported only here, lazily, so nothing
 * that merely parses frames or runs the emulator needs the native module or a device.
 */
export async function openIdTechReader(
  options: OpenIdTechReaderOptions = {},
  loadHid: () => Promise<NodeHidModule> = () => import('node-hid'),
): Promise<IdTechHidReader> {
  const hid = await loadHid();
  const vendorId = options.vendorId ?? IDTECH_VENDOR_ID;
  const productId = options.productId ?? IDTECH_HID_PRODUCT_ID;
  const path = options.path ?? hid.devices(vendorId, productId).find((d) => d.path)?.path;
  if (!path) {
    const id = (n: number) => n.toString(16).padStart(4, '0');
    throw new ReaderNotFoundError(`no HID device ${id(vendorId)}:${id(productId)} found`);
  }
  return new IdTechHidReader(new hid.HID(path), options);
}
