// CODE128 drawn by us: the raster path cannot use the printer's `GS k`, because the barcode has to sit inside
// the image. Symbols follow ISO/IEC 15417: start, data, mod-103 check, stop; code set C for digit pairs.
import { CODE128_PATTERNS, code128Bars } from '../../../native/barcode/code128-patterns';

export const CODE128 = { START_B: 104, START_C: 105, CODE_B: 100, CODE_C: 99, STOP: 106 } as const;

/** The pattern table, exposed for the tests' independent decoder. */
export { CODE128_PATTERNS };

/**
 * Symbol values for `data` (printable ASCII only): code set C for runs of 4+ digits (or an all-digit even
 * string), code set B otherwise. Not the shortest possible encoding, but always a valid one.
 */
export function code128Values(data: string): number[] {
  if (data.length === 0 || !/^[\x20-\x7e]+$/.test(data)) {
    throw new RangeError('CODE128 data must be non-empty printable ASCII');
  }
  const values: number[] = [];
  let set: 'B' | 'C' | undefined;
  let i = 0;
  while (i < data.length) {
    const run = digitRun(data, i);
    // A digit run is worth set C if it is long (a switch costs one symbol) or it is the whole rest of the data.
    const useC = run >= 4 || (run >= 2 && i + run === data.length && set !== 'B' && run % 2 === 0);
    if (useC) {
      const pairs = Math.floor(run / 2);
      if (set === undefined) values.push(CODE128.START_C);
      else if (set !== 'C') values.push(CODE128.CODE_C);
      set = 'C';
      for (let p = 0; p < pairs; p++, i += 2) values.push(Number(data.slice(i, i + 2)));
    } else {
      if (set === undefined) values.push(CODE128.START_B);
      else if (set !== 'B') values.push(CODE128.CODE_B);
      set = 'B';
      values.push(data.charCodeAt(i) - 32);
      i++;
    }
  }
  const check = values.reduce((sum, v, k) => sum + v * Math.max(1, k), 0) % 103;
  values.push(check, CODE128.STOP);
  return values;
}

/** Alternating bar/space widths in modules, starting with a bar (no quiet zones). */
export function code128Modules(data: string): number[] {
  return code128Bars(code128Values(data));
}

function digitRun(data: string, from: number): number {
  let i = from;
  while (i < data.length && /\d/.test(data.charAt(i))) i++;
  return i - from;
}
