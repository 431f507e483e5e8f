// ESC t n -> the iconv-lite encoding of the single-byte code page the printer switches to (Epson numbering).

const TABLES: ReadonlyMap<number, string> = new Map([
  [0, 'cp437'],
  [2, 'cp850'],
  [3, 'cp860'],
  [4, 'cp863'],
  [5, 'cp865'],
  [16, 'windows1252'],
  [17, 'cp866'],
  [18, 'cp852'],
  [19, 'cp858'],
]);

export const DEFAULT_ENCODING = 'cp437';
/** What text between FS & and FS . is decoded as (GB18030 is a superset of the GBK a Chinese ROM takes). */
export const CHINESE_ENCODING = 'gb18030';

export function codeTableEncoding(n: number): { encoding: string; supported: boolean } {
  const encoding = TABLES.get(n);
  return encoding ? { encoding, supported: true } : { encoding: DEFAULT_ENCODING, supported: false };
}
