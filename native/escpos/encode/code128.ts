// CODE128 data for `GS k 73`, with code set C for runs of digits: a receipt number like R20261125-0042 is
// about a third narrower than in set B alone, which is what lets it fit 58 mm paper at a scannable module.

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** The `{B` / `{C` shift-coded data the ESC/POS CODE128 command takes (set C digit pairs as byte values). */
export function code128Data(value: string): string {
  if (!/^[\x20-\x7e]+$/.test(value)) {
    throw new RangeError(`CODE128 data "${value}" must be printable ASCII (code set B).`);
  }
  let out = '';
  let set: 'B' | 'C' | null = null;
  let i = 0;
  while (i < value.length) {
    let run = 0;
    while (i + run < value.length && isDigit(value[i + run] ?? '')) run++;
    // Set C pays off from 4 digits (2 symbols for 4 digits plus a shift) and needs an even count.
    if (run >= 4) {
      const even = run - (run % 2);
      if (set !== 'C') out += '{C';
      set = 'C';
      for (let k = 0; k < even; k += 2) out += String.fromCharCode(Number(value.slice(i + k, i + k + 2)));
      i += even;
      continue;
    }
    const ch = value[i] ?? '';
    if (set !== 'B') out += '{B';
    set = 'B';
    // A literal '{' is written as '{{' in the ESC/POS CODE128 data.
    out += ch === '{' ? '{{' : ch;
    i++;
  }
  return out;
}

/** Symbols in the printed barcode: start, data (shifts included), check, plus the 13-module stop. */
export function code128Modules(data: string): number {
  let symbols = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === '{') i++; // "{B", "{C", "{{" are one symbol each
    symbols++;
  }
  // The leading "{B"/"{C" is the start symbol itself, counted in the loop.
  return (symbols + 1) * 11 + 13;
}

/**
 * Module width in dots (2 or 3) for the barcode to fit `widthDots` with its 10-module quiet zones, the
 * widest first because wider bars scan better.
 */
export function code128ModuleDots(data: string, widthDots: number): 2 | 3 {
  return (code128Modules(data) + 20) * 3 <= widthDots ? 3 : 2;
}
