// Finds where a matched command ends, from its ArgSpec: the only place argument lengths are computed.
import { DLE_DC4_ARGS, INTRODUCERS } from './command-table';
import type { ArgSpec } from './command-table';
import type { DecodeErrorReason } from './events';

export type ArgRead =
  /** The command spans `length` bytes from its first prefix byte. */
  | { status: 'ok'; length: number }
  /** Not all bytes are here yet; at least `atLeast` bytes (from the prefix) are needed before retrying. */
  | { status: 'need'; atLeast: number }
  /** Consume `length` bytes and report them as an error; decoding carries on after them. */
  | { status: 'error'; length: number; reason: DecodeErrorReason };

const MAX_NUL_BARCODE = 255;

const u16 = (buf: Uint8Array, at: number): number => (buf[at] as number) + (buf[at + 1] as number) * 256;

function sized(buf: Uint8Array, cmdStart: number, total: number): ArgRead {
  return cmdStart + total <= buf.length
    ? { status: 'ok', length: total }
    : { status: 'need', atLeast: total };
}

/**
 * `cmdStart` is the first prefix byte, `argStart` the first argument byte. Lengths returned count from
 * `cmdStart`.
 */
export function readArgs(buf: Uint8Array, cmdStart: number, argStart: number, spec: ArgSpec): ArgRead {
  const pre = argStart - cmdStart;
  const need = (n: number): ArgRead | null =>
    argStart + n > buf.length ? { status: 'need', atLeast: pre + n } : null;
  switch (spec.kind) {
    case 'fixed':
      return sized(buf, cmdStart, pre + spec.count);
    case 'pLpH':
      return need(2) ?? sized(buf, cmdStart, pre + 2 + u16(buf, argStart));
    case 'fnPLpH':
      return need(3) ?? sized(buf, cmdStart, pre + 3 + u16(buf, argStart + 1));
    case 'raster':
      return need(5) ?? sized(buf, cmdStart, pre + 5 + u16(buf, argStart + 1) * u16(buf, argStart + 3));
    case 'bitImage': {
      const short = need(3);
      if (short) return short;
      const m = buf[argStart] as number;
      const perDot = m === 32 || m === 33 ? 3 : 1;
      if (m > 1 && perDot === 1) return { status: 'error', length: pre + 1, reason: 'invalid-argument' };
      return sized(buf, cmdStart, pre + 3 + u16(buf, argStart + 1) * perDot);
    }
    case 'barcode': {
      const short = need(1);
      if (short) return short;
      const m = buf[argStart] as number;
      if (m <= 6) {
        // NUL-terminated form. Printers cap these symbologies at 255 data bytes; without a NUL by then the
        // stream is not a barcode, and waiting longer would hold everything after it hostage.
        const limit = Math.min(buf.length, argStart + 1 + MAX_NUL_BARCODE + 1);
        const nul = buf.subarray(argStart + 1, limit).indexOf(0);
        if (nul >= 0) return { status: 'ok', length: pre + 1 + nul + 1 };
        return limit === argStart + 1 + MAX_NUL_BARCODE + 1
          ? { status: 'error', length: pre + 1, reason: 'invalid-argument' }
          : { status: 'need', atLeast: buf.length - cmdStart + 1 };
      }
      if (m >= 65 && m <= 73) return need(2) ?? sized(buf, cmdStart, pre + 2 + (buf[argStart + 1] as number));
      return { status: 'error', length: pre + 1, reason: 'invalid-argument' };
    }
    case 'cut': {
      const short = need(1);
      if (short) return short;
      return sized(buf, cmdStart, pre + ((buf[argStart] as number) >= 65 ? 2 : 1));
    }
    case 'drawerPulse': {
      // A library that sends `ESC p` without all of m t1 t2 makes the printer eat the next command's bytes
      // as arguments. An argument byte that is a command introducer (ESC, GS, FS, DLE) is taken as that
      // mistake: we report the short command and resume at the introducer. The cost is that a deliberate
      // t of 16, 27, 28 or 29 (32..58 ms) is rejected too; real drivers use 25..255.
      for (let i = 0; i < 3; i++) {
        // Each argument byte can settle the question, so wait for one more byte, not for all three.
        if (argStart + i >= buf.length) return { status: 'need', atLeast: pre + i + 1 };
        if (INTRODUCERS.has(buf[argStart + i] as number))
          return { status: 'error', length: pre + i, reason: 'truncated-drawer-pulse' };
      }
      return { status: 'ok', length: pre + 3 };
    }
    case 'dleDc4': {
      const short = need(1);
      if (short) return short;
      const count = DLE_DC4_ARGS.get(buf[argStart] as number);
      if (count === undefined) return { status: 'error', length: pre + 1, reason: 'invalid-argument' };
      return sized(buf, cmdStart, pre + 1 + count);
    }
    case 'nulTerminated': {
      const limit = Math.min(buf.length, argStart + spec.max + 1);
      const nul = buf.subarray(argStart, limit).indexOf(0);
      if (nul >= 0) return { status: 'ok', length: pre + nul + 1 };
      // The printer ends the list after `max` entries even without the NUL.
      return limit === argStart + spec.max + 1
        ? { status: 'ok', length: pre + spec.max }
        : { status: 'need', atLeast: buf.length - cmdStart + 1 };
    }
  }
}
