// CODE128 drawn by us: the raster path cannot use the printer's `GS k`, because the barcode has to sit inside
// the image. Symbols follow ISO/IEC 15417: start, data, mod-103 check, stop; code set C for digit pairs.

/** Bar/space widths in modules of symbol values 0..105, then the stop (106), which has a final 2-module bar. */
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
]; // prettier-ignore

export const CODE128 = { START_B: 104, START_C: 105, CODE_B: 100, CODE_C: 99, STOP: 106 } as const;

/** The pattern table, exposed for the tests' independent decoder. */
export const CODE128_PATTERNS: readonly string[] = PATTERNS;

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
  return code128Values(data).flatMap((v) => [...(PATTERNS[v] ?? '')].map(Number));
}

function digitRun(data: string, from: number): number {
  let i = from;
  while (i < data.length && /\d/.test(data.charAt(i))) i++;
  return i - from;
}
