// CODE128 bars from the data a printer received in `GS k 73`: that data is shift-coded ("{B" selects code set
// B, "{C" set C with one byte per digit pair, "{{" a literal brace, "{1".."{4" the FNC codes), so the printer
// — and this emulator — computes the symbol values, the mod-103 check and the bars itself (ISO/IEC 15417).
import { code128Bars } from '../barcode/code128-patterns';

export { code128Bars };

const START = { A: 103, B: 104, C: 105 } as const;
const SWITCH = { A: 101, B: 100, C: 99 } as const;
const STOP = 106;
/** `{S` shift and the FNC codes; FNC4 is 100 in set B and 101 in set A (the printer's own table). */
const FNC = { S: 98, '1': 102, '2': 97, '3': 96 } as const;

type CodeSet = keyof typeof START;

export interface Code128Symbol {
  /** start .. check, stop */
  readonly values: number[];
  /** the human-readable line printed under the bars (set C pairs as two digits, shift codes omitted) */
  readonly text: string;
}

/** Parses ESC/POS CODE128 data as the printer does; throws on data a printer would reject. */
export function escposCode128(data: string): Code128Symbol {
  const values: number[] = [];
  let text = '';
  let set: CodeSet | null = null;
  for (let i = 0; i < data.length; i++) {
    const ch = data.charCodeAt(i);
    if (ch === 0x7b /* { */) {
      const next = data.charAt(++i);
      if (next === 'A' || next === 'B' || next === 'C') {
        values.push(set === null ? START[next] : SWITCH[next]);
        set = next;
        continue;
      }
      if (set === null) break;
      if (next === '{') {
        values.push(valueIn(set, ch));
        text += '{';
      } else if (next === '4') values.push(set === 'A' ? 101 : 100);
      else if (next in FNC) values.push(FNC[next as keyof typeof FNC]);
      else throw new RangeError(`CODE128 data has unknown shift code "{${next}"`);
      continue;
    }
    if (set === null) break;
    values.push(valueIn(set, ch));
    text += set === 'C' ? String(ch).padStart(2, '0') : ch >= 32 ? data.charAt(i) : '';
  }
  // Real printers reject data that does not begin with a code set selection.
  if (set === null) throw new RangeError('CODE128 data must start with {A, {B or {C');
  const check = values.reduce((sum, v, k) => sum + v * Math.max(1, k), 0) % 103;
  values.push(check, STOP);
  return { values, text };
}

function valueIn(set: CodeSet, ch: number): number {
  if (set === 'C') {
    if (ch > 99) throw new RangeError(`CODE128 set C byte ${ch} is not a digit pair`);
    return ch;
  }
  if (set === 'A') return ch < 32 ? ch + 64 : ch - 32;
  if (ch < 32 || ch > 127) throw new RangeError(`CODE128 set B cannot encode byte ${ch}`);
  return ch - 32;
}
