// Which encoding a chosen catalog file is in: a BOM first (UTF-8, UTF-16 LE/BE), then valid UTF-8, then valid
// GB18030 (GBK when it has no 4-byte sequences, as Chinese Excel's "CSV" writes), else refused at the line of
// the first byte that fits none, never guessed.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, scanGb18030 } from '../../../main/catalog/csv-encoding';
import { CsvReadError } from '../../../main/catalog/csv-read';

const CSV = 'sku,name,price,tax_category\nA1,可口可乐 330ml,3.00,std\nA2,乐事薯片 原味,7.50,std\n';
// 𠀀 (U+20000) and 㐀 (U+3400, CJK Extension A) are not in GBK: GB18030 writes them in 4 bytes.
const CSV_EXT = 'sku,name,price,tax_category\nB1,𠀀㐀 礼盒,9.90,std\n';

const refusal = (bytes: Uint8Array): CsvReadError => {
  try {
    decodeCsvBytes(bytes);
  } catch (e) {
    if (e instanceof CsvReadError) return e;
    throw e;
  }
  throw new Error('decoded, expected a refusal');
};

describe('decodeCsvBytes', () => {
  it('UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(Buffer.from(CSV, 'utf8'))).toEqual({ encoding: 'utf-8', text: CSV });
  });

  it('UTF-8 with a BOM: the BOM is dropped', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]);
    expect(decodeCsvBytes(bytes)).toEqual({ encoding: 'utf-8-bom', text: CSV });
  });

  it('GBK from Chinese Excel: reported as gbk and decoded', () => {
    const bytes = iconv.encode(CSV, 'gbk');
    expect(bytes.equals(Buffer.from(CSV, 'utf8'))).toBe(false);
    expect(decodeCsvBytes(bytes)).toEqual({ encoding: 'gbk', text: CSV });
  });

  it('GB18030 with 4-byte characters: reported as gb18030 and decoded', () => {
    const bytes = iconv.encode(CSV_EXT, 'gb18030');
    expect(scanGb18030(bytes)).toEqual({ badAt: -1, fourByte: true });
    expect(decodeCsvBytes(bytes)).toEqual({ encoding: 'gb18030', text: CSV_EXT });
  });

  it('UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CSV_EXT, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(CSV_EXT, 'utf-16be')]);
    expect(decodeCsvBytes(le)).toEqual({ encoding: 'utf-16le', text: CSV_EXT });
    expect(decodeCsvBytes(be)).toEqual({ encoding: 'utf-16be', text: CSV_EXT });
  });

  it('bytes that are neither UTF-8 nor GB18030 are refused at the line of the first bad byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('sku,name,price,tax_category\nA1,', 'utf8'),
      Buffer.from([0xff, 0xfe, 0x41]),
    ]);
    // (0xFF 0xFE only counts as a BOM at the very start.)
    const e = refusal(bytes);
    expect(e.line).toBe(2);
    expect(e.reason).toMatch(/neither UTF-8, UTF-16 with a byte-order mark, nor GBK\/GB18030/);
  });

  it('a GB18030 lead byte cut off at the end of the file is refused', () => {
    expect(refusal(Buffer.concat([iconv.encode('sku\n苹果\n', 'gbk'), Buffer.from([0xc6])])).line).toBe(3);
  });

  it('UTF-16 without a BOM (NUL bytes) is refused, not read as UTF-8 with NULs', () => {
    const e = refusal(iconv.encode('sku,name\n', 'utf-16le'));
    expect(e.reason).toMatch(/NUL bytes/);
  });

  it('a UTF-16 file of an odd number of bytes is refused', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('sku', 'utf-16le'),
      Buffer.from([0x41]),
    ]);
    expect(refusal(bytes).reason).toMatch(/cut short/);
  });
});
