// An ID TECH encrypting MSR (SecureMag/SREDKey class) in HID mode, as a HidDeviceLike: swipe() masks
// the tracks the way the reader firmware does, encrypts each track under the current DUKPT key,
// hashes the clear tracks, builds the enhanced-format frame, advances the KSN, and delivers the frame
// as fixed-size input reports. Fault injection (bad read, unplug mid-swipe, corrupt byte) is built in
// so the driver's failure paths can be exercised without hardware.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { dukptScheme, encryptTrackData, nextAesKsn, nextTdesKsn, parseHex, trackCipher } from '../card/dukpt';
import type { KeyVariant } from '../card/dukpt';
import type { EncodeType } from '../card/idtech/enhanced-layout';
import type { HidDeviceLike } from '../card/idtech/hid-reader';
import { IDTECH_STRUCTURE_HEADER_BYTES } from '../card/idtech/report-assembler';
import type { ReportLayout } from '../card/idtech/report-assembler';
import { checkMaskSettings, DEFAULT_MASK, maskTrack1, maskTrack2 } from './idtech-masking';
import type { MaskSettings } from './idtech-masking';
import { buildEnhancedFrame, splitIntoReports } from './idtech-msr-frame';
import type { FrameTrack } from './idtech-msr-frame';

export interface IdTechMsrOptions {
  /** 16-byte BDK (hex or bytes): TDES for a 10-byte KSN, AES-128 for a 12-byte KSN. */
  bdk: string | Uint8Array;
  /** The injected KSN (counter usually 0); the first swipe uses the next valid counter. */
  initialKsn: string | Uint8Array;
  /** Which key the reader encrypts card data under (a reader setting the gateway must be told). */
  variant: KeyVariant;
  /** Defaults to the key scheme's cipher; 'aes' with a TDES key = ID TECH AES mode with TDES DUKPT. */
  cipher?: 'tdes' | 'aes';
  serial?: string;
  mask?: Partial<MaskSettings>;
  /** Bytes per HID input report (default 64, a full-speed interrupt packet). */
  reportSize?: number;
  layout?: ReportLayout;
  /** Set field 8 bit 6 when encrypting under the PIN key (SREDKey 2 does; older readers do not). */
  signalPinKey?: boolean;
}

export interface SwipeTracks {
  track1?: string;
  track2?: string;
  track3?: string;
}

export interface SwipeFaults {
  /** XOR this frame byte (offset from STX) with `xor` (default 0xFF) after the frame is built. */
  corruptByte?: { offset: number; xor?: number };
  /** Deliver only this many reports, then vanish (error event, as an unplug mid-swipe). */
  unplugAfterReports?: number;
}

export interface EmittedSwipe {
  /** The frame exactly as built (after any corruption), without report padding or header. */
  frame: Uint8Array;
  reports: Uint8Array[];
  /** KSN used for this swipe (hex), if anything was encrypted. */
  ksn?: string;
}

const PRINTABLE = /^[\x20-\x7e]*$/;

export class IdTechMsrEmulator extends EventEmitter implements HidDeviceLike {
  private readonly bdk: Uint8Array;
  private ksn: Uint8Array;
  private readonly variant: KeyVariant;
  private readonly cipher: 'tdes' | 'aes';
  private readonly serial: string | undefined;
  private readonly mask: MaskSettings;
  private readonly reportSize: number;
  private readonly layout: ReportLayout;
  private readonly signalPinKey: boolean;
  private state: 'ready' | 'unplugged' | 'closed' = 'ready';

  constructor(options: IdTechMsrOptions) {
    super();
    this.ksn =
      typeof options.initialKsn === 'string'
        ? parseHex('initial KSN', options.initialKsn, [10, 12])
        : Uint8Array.from(options.initialKsn);
    dukptScheme(this.ksn);
    this.bdk =
      typeof options.bdk === 'string' ? parseHex('BDK', options.bdk, [16]) : Uint8Array.from(options.bdk);
    this.cipher = trackCipher(this.ksn, options.cipher);
    this.variant = options.variant;
    this.serial = options.serial;
    this.mask = { ...DEFAULT_MASK, ...options.mask };
    checkMaskSettings(this.mask);
    this.reportSize = options.reportSize ?? 64;
    this.layout = options.layout ?? 'frame-stream';
    this.signalPinKey = options.signalPinKey ?? false;
  }

  /** The KSN of the last encrypted swipe (or the injected one before any swipe), hex. */
  get currentKsn(): string {
    return Buffer.from(this.ksn).toString('hex').toUpperCase();
  }

  get isPluggedIn(): boolean {
    return this.state === 'ready';
  }

  /** A card swipe. Bank cards (ISO/ABA) are masked and encrypted; other cards are sent in the clear. */
  swipe(tracks: SwipeTracks, faults: SwipeFaults = {}): EmittedSwipe {
    this.requireReady();
    const texts = [tracks.track1, tracks.track2, tracks.track3];
    texts.forEach((t, i) => {
      if (t !== undefined && (!PRINTABLE.test(t) || t.length > 255)) {
        throw new RangeError(`track ${i + 1} must be printable ASCII of at most 255 characters`);
      }
    });
    const masked1 = tracks.track1 === undefined ? undefined : maskTrack1(tracks.track1, this.mask);
    const masked2 = tracks.track2 === undefined ? undefined : maskTrack2(tracks.track2, this.mask);
    const encodeType: EncodeType = masked1 !== undefined || masked2 !== undefined ? 'iso-aba' : 'other';
    const anyData = texts.some((t) => t !== undefined && t.length > 0);

    let ksn: Uint8Array | undefined;
    if (encodeType === 'iso-aba') {
      // One DUKPT transaction per encrypted swipe.
      this.ksn = dukptScheme(this.ksn) === 'tdes' ? nextTdesKsn(this.ksn) : nextAesKsn(this.ksn);
      ksn = this.ksn;
    }
    const frameTracks = texts.map((text, i): FrameTrack => {
      if (text === undefined || text.length === 0) return { length: 0 };
      const clear = Uint8Array.from(Buffer.from(text, 'latin1'));
      if (!ksn) return { length: clear.length, masked: clear }; // non-financial card: clear data, no hash
      const maskedText = i === 0 ? masked1 : i === 1 ? masked2 : undefined;
      return {
        length: clear.length,
        // Track 3 of a bank card is encrypted without mask data (reader default 08h).
        ...(maskedText !== undefined ? { masked: Uint8Array.from(Buffer.from(maskedText, 'latin1')) } : {}),
        encrypted: encryptTrackData({
          bdk: this.bdk,
          ksn,
          variant: this.variant,
          cipher: this.cipher,
          data: clear,
        }),
        hash: Uint8Array.from(createHash('sha1').update(clear).digest()),
      };
    }) as [FrameTrack, FrameTrack, FrameTrack];
    if (!anyData) return this.badSwipe([]);

    const frame = buildEnhancedFrame({
      encodeType,
      tracks: frameTracks,
      cipher: this.cipher,
      pinKeyFlag: this.signalPinKey && this.variant === 'pin' && ksn !== undefined,
      ...(this.serial !== undefined ? { serial: this.serial } : {}),
      ...(ksn ? { ksn } : {}),
    });
    return this.deliver(frame, frameTracks, encodeType, faults, ksn);
  }

  /** A swipe the reader sampled but could not decode (tracks given; default tracks 1 and 2). */
  badSwipe(failedTracks: readonly (1 | 2 | 3)[] = [1, 2], faults: SwipeFaults = {}): EmittedSwipe {
    this.requireReady();
    const tracks = [1, 2, 3].map((t): FrameTrack => ({
      length: 0,
      decodeError: failedTracks.includes(t as 1 | 2 | 3),
    })) as [FrameTrack, FrameTrack, FrameTrack];
    const frame = buildEnhancedFrame({
      encodeType: 'iso-aba',
      tracks,
      cipher: this.cipher,
      ...(this.serial !== undefined ? { serial: this.serial } : {}),
    });
    return this.deliver(frame, tracks, 'iso-aba', faults, undefined);
  }

  /** The device vanishes: node-hid reports a read error and the device is gone. */
  unplug(): void {
    if (this.state !== 'ready') return;
    this.state = 'unplugged';
    this.emit('error', new Error('could not read from HID device'));
  }

  /** The host closed the device (a vanished device stays 'unplugged'). */
  close(): void {
    if (this.state === 'ready') this.state = 'closed';
  }

  private requireReady(): void {
    if (this.state !== 'ready') throw new Error(`reader is ${this.state}`);
  }

  private deliver(
    built: Uint8Array,
    tracks: FrameTrack[],
    encodeType: EncodeType,
    faults: SwipeFaults,
    ksn: Uint8Array | undefined,
  ): EmittedSwipe {
    const frame = Uint8Array.from(built);
    if (faults.corruptByte) {
      const { offset, xor = 0xff } = faults.corruptByte;
      if (offset < 0 || offset >= frame.length)
        throw new RangeError(`corrupt offset ${offset} outside the ${frame.length}-byte frame`);
      frame[offset] = (frame[offset] as number) ^ xor;
    }
    const payload =
      this.layout === 'idtech-structure' ? this.withStructureHeader(frame, tracks, encodeType) : frame;
    const reports = splitIntoReports(payload, this.reportSize);
    const limit = faults.unplugAfterReports ?? reports.length;
    for (const report of reports.slice(0, limit)) {
      if (this.state !== 'ready') break;
      this.emit('data', Buffer.from(report));
    }
    if (limit < reports.length) this.unplug();
    return { frame, reports, ...(ksn ? { ksn: Buffer.from(ksn).toString('hex').toUpperCase() } : {}) };
  }

  /** "ID TECH structure" header: per-track decode status (0 ok, 1 error), lengths, type, output length. */
  private withStructureHeader(frame: Uint8Array, tracks: FrameTrack[], encodeType: EncodeType): Uint8Array {
    const header = new Uint8Array(IDTECH_STRUCTURE_HEADER_BYTES);
    tracks.forEach((t, i) => {
      header[i] = t.decodeError ? 1 : 0;
      header[3 + i] = t.length;
    });
    header[6] = encodeType === 'iso-aba' ? 0 : 3;
    header[7] = frame.length & 0xff;
    header[8] = frame.length >> 8;
    return Uint8Array.from([...header, ...frame]);
  }
}
