// Input reports → frames. A reader sends one swipe's frame spread over as many fixed-size input
// reports as it takes, the last one zero-padded. In ID TECH's "ID TECH structure" HID mode the first
// report also starts with a 9-byte header (T1-T3 decode status, T1-T3 lengths, encode type, total
// output length) before the STX frame. The frame's own STX + length says where it ends, so padding after
// ETX is dropped; bytes that cannot start a frame are reported, not silently eaten.
import { FRAME_HEAD_BYTES, FRAME_OVERHEAD, STX } from './enhanced-layout';

export type ReportLayout = 'frame-stream' | 'idtech-structure';
export const IDTECH_STRUCTURE_HEADER_BYTES = 9;
/**
 * No real swipe comes near this (three full tracks masked + encrypted + hashes is ~700 bytes); a larger
 * length field is corruption, and waiting for that many bytes would swallow the next swipes.
 */
export const MAX_FRAME_BYTES = 2048;

export type AssemblerOutput =
  { kind: 'frame'; frame: Uint8Array } | { kind: 'garbage'; reason: string; bytes: number };

export class ReportAssembler {
  private buffer: Uint8Array = new Uint8Array(0);

  constructor(private readonly layout: ReportLayout = 'frame-stream') {}

  /** True while part of a frame has arrived and the rest is awaited. */
  get inFrame(): boolean {
    return this.buffer.length > 0;
  }

  get pendingBytes(): number {
    return this.buffer.length;
  }

  /** Drops a partial frame (device gone, timeout) and returns how many bytes were dropped. */
  reset(): number {
    const dropped = this.buffer.length;
    this.buffer = new Uint8Array(0);
    return dropped;
  }

  push(report: Uint8Array): AssemblerOutput[] {
    let chunk = report;
    if (!this.inFrame) {
      if (this.layout === 'idtech-structure') chunk = chunk.subarray(IDTECH_STRUCTURE_HEADER_BYTES);
      // Between frames only zero padding is expected; anything else before an STX is garbage.
      const start = chunk.indexOf(STX);
      const lead = start < 0 ? chunk : chunk.subarray(0, start);
      const out: AssemblerOutput[] = [];
      if (lead.some((b) => b !== 0)) {
        out.push({ kind: 'garbage', reason: 'bytes outside a frame (no STX)', bytes: lead.length });
      }
      if (start < 0) return out;
      return [...out, ...this.accept(chunk.subarray(start))];
    }
    return this.accept(chunk);
  }

  private accept(chunk: Uint8Array): AssemblerOutput[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    if (joined.length < FRAME_HEAD_BYTES) {
      this.buffer = joined;
      return [];
    }
    const total = ((joined[1] as number) | ((joined[2] as number) << 8)) + FRAME_OVERHEAD;
    if (total > MAX_FRAME_BYTES) {
      this.buffer = new Uint8Array(0);
      return [
        {
          kind: 'garbage',
          reason: `frame length field says ${total} bytes (max ${MAX_FRAME_BYTES})`,
          bytes: joined.length,
        },
      ];
    }
    if (joined.length < total) {
      this.buffer = joined;
      return [];
    }
    this.buffer = new Uint8Array(0);
    // Whatever follows the frame in its last report is padding; a new frame starts in a new report.
    const rest = joined.subarray(total);
    const out: AssemblerOutput[] = [{ kind: 'frame', frame: joined.slice(0, total) }];
    if (rest.some((b) => b !== 0)) {
      out.push({ kind: 'garbage', reason: 'bytes after the end of a frame', bytes: rest.length });
    }
    return out;
  }
}
