// Which encoding a catalog file's bytes are in, and its text. A shop's file comes from Excel or WPS: UTF-8 (with
// or without a BOM), UTF-16 with a BOM ("Unicode text"), or, from Chinese Excel's "CSV", GBK, which GB18030
// contains. Decided from the bytes alone, in this order: a BOM; valid UTF-8; valid GB18030; else refused with
// the line of the first byte that fits neither (a guess would import garbled names).
import iconv from 'iconv-lite';
import type { ImportEncoding } from '../api/contract';
import { CsvReadError } from './csv-read';

export interface DecodedFile {
  readonly encoding: ImportEncoding;
  /** The text, without its BOM. */
  readonly text: string;
}

const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: ImportEncoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Throws CsvReadError (reported at its line, like a broken quote) when the bytes are in no encoding we read. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const bom of BOMS) {
    if (!bom.bytes.every((b, i) => buf[i] === b)) continue;
    const body = buf.subarray(bom.bytes.length);
    if (bom.encoding === 'utf-8-bom') return { encoding: bom.encoding, text: utf8(body) };
    if (body.length % 2 !== 0)
      throw new CsvReadError(lineAt(buf, buf.length - 1), 'the UTF-16 file is cut short');
    return { encoding: bom.encoding, text: iconv.decode(body, bom.encoding) };
  }
  const nul = buf.indexOf(0);
  if (nul >= 0)
    throw new CsvReadError(
      lineAt(buf, nul),
      'the file contains NUL bytes: UTF-16 without a byte-order mark is not read; save it as UTF-8 or "CSV"',
    );
  try {
    return { encoding: 'utf-8', text: utf8(buf) };
  } catch {
    // not UTF-8: GBK / GB18030 is what is left
  }
  const gb = scanGb18030(buf);
  const text = gb.badAt < 0 ? iconv.decode(buf, 'gb18030') : '';
  const unmapped = gb.badAt < 0 ? text.indexOf('\ufffd') : -1;
  if (gb.badAt >= 0 || unmapped >= 0) {
    const line = gb.badAt >= 0 ? lineAt(buf, gb.badAt) : 1 + countNewlines(text.slice(0, unmapped));
    throw new CsvReadError(
      line,
      'the file is neither UTF-8, UTF-16 with a byte-order mark, nor GBK/GB18030; save it as "CSV UTF-8"',
    );
  }
  return { encoding: gb.fourByte ? 'gb18030' : 'gbk', text };
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** GB18030's byte structure: the first byte that breaks it (-1: none), and whether 4-byte sequences occur. */
export function scanGb18030(b: Uint8Array): { badAt: number; fourByte: boolean } {
  let fourByte = false;
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    // 0x80 is € in the GBK that browsers and Excel write (WHATWG gb18030 decoder); 0xFF is never a lead byte.
    if (c <= 0x80) i += 1;
    else if (c === 0xff) return { badAt: i, fourByte };
    else {
      const c2 = b[i + 1] ?? -1;
      if ((c2 >= 0x40 && c2 <= 0x7e) || (c2 >= 0x80 && c2 <= 0xfe)) i += 2;
      else if (c2 >= 0x30 && c2 <= 0x39) {
        const c3 = b[i + 2] ?? -1;
        const c4 = b[i + 3] ?? -1;
        if (!(c3 >= 0x81 && c3 <= 0xfe && c4 >= 0x30 && c4 <= 0x39)) return { badAt: i, fourByte };
        fourByte = true;
        i += 4;
      } else return { badAt: i, fourByte };
    }
  }
  return { badAt: -1, fourByte };
}

function lineAt(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = buf.indexOf(0x0a); i >= 0 && i < offset; i = buf.indexOf(0x0a, i + 1)) line++;
  return line;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
