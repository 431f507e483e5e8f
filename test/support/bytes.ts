// Hand-writing ESC/POS in tests: numbers are bytes, strings are their Latin-1 bytes (ASCII in practice).
export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const LF = 0x0a;

export type BytePart = number | string | Uint8Array | readonly BytePart[];

export function bytes(...parts: BytePart[]): Uint8Array {
  const out: number[] = [];
  const add = (p: BytePart): void => {
    if (typeof p === 'number') out.push(p);
    else if (typeof p === 'string') for (const ch of p) out.push(ch.charCodeAt(0) & 0xff);
    else if (p instanceof Uint8Array) out.push(...p);
    else p.forEach(add);
  };
  parts.forEach(add);
  return Uint8Array.from(out);
}
