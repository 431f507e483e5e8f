// Settlement files for the reconciliation format tests and the import benchmark: the real-layout samples in
// test/fixtures/settlements/, variants of them with one thing broken, and generated WeChat Pay bills of any
// size (written as a stream, in the real layout, with a summary that agrees with the rows).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import { PosFailure } from '../../main/api/result';
import { WECHAT_COLUMNS, WECHAT_SUMMARY_COLUMNS } from '../../main/reconciliation/formats/wechat';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/settlements');
export const fixture = (name: string): string => path.join(FIXTURES, name);

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'settlement-'));
}

/** The fixture's text, lines as an array (without the line ends); GBK decoded for `gbk`. */
export function fixtureLines(name: string, encoding: 'utf8' | 'gbk' = 'utf8'): string[] {
  const bytes = fs.readFileSync(fixture(name));
  const text =
    encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8').replace(/^\uFEFF/, '');
  return text.replace(/\r\n$/, '').split('\r\n');
}

/** Writes lines as a file (CRLF, as the wallets write them) and returns its path. */
export function writeLines(
  dir: string,
  name: string,
  lines: readonly string[],
  encoding: 'utf8' | 'gbk' = 'utf8',
): string {
  const file = path.join(dir, name);
  const text = lines.join('\r\n') + '\r\n';
  fs.writeFileSync(file, encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
  return file;
}

/**
 * A sample's lines and the two ways the format tests break it: line `n` (1-based) replaced, or field `column`
 * (0-based, comma-separated) of line `n` replaced; each written as a new file in `encoding`.
 */
export function sampleVariants(
  lines: readonly string[],
  encoding: 'utf8' | 'gbk' = 'utf8',
  /** how a field's new text is written (Alipay pads every field with a tab) */
  field: (text: string) => string = (text) => text,
) {
  const dir = tempDir();
  const withLine = (n: number, text: string): string =>
    writeLines(
      dir,
      `l${n}.csv`,
      lines.map((l, i) => (i === n - 1 ? text : l)),
      encoding,
    );
  const withField = (n: number, column: number, value: string): string =>
    withLine(
      n,
      (lines[n - 1] ?? '')
        .split(',')
        .map((f, i) => (i === column ? field(value) : f))
        .join(','),
    );
  return { dir, withLine, withField };
}

/** One field broken in an otherwise good file, and what its refusal must say: [line, column, text, refusal]. */
export type BadField = readonly [
  line: number,
  column: number,
  text: string,
  refused: Record<string, unknown>,
];

/** Each bad field, put alone into the good file by `withField`, is refused as stated. */
export async function expectEachRefused(
  withField: (line: number, column: number, text: string) => string,
  read: (file: string) => Promise<unknown>,
  cases: readonly BadField[],
): Promise<void> {
  for (const [line, column, text, refused] of cases) {
    expect(
      await refusal(read(withField(line, column, text))),
      `line ${line}, column ${column}: ${text}`,
    ).toMatchObject(refused);
  }
}

/** Runs a read that must be refused and returns the refusal's detail. */
export async function refusal(read: Promise<unknown>): Promise<Record<string, unknown>> {
  const e: unknown = await read.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(PosFailure);
  const failure = e as PosFailure;
  expect(failure.code).toBe('SETTLEMENT_INVALID');
  return failure.detail ?? {};
}

const yuan = (fen: number): string =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
const tick = (fields: readonly string[]): string => fields.map((f) => '`' + f).join(',');

/** One generated bill row: a charge, or (every tenth row) a refund of half its amount. */
function wechatRow(i: number): { text: string; charged: number; refunded: number; fee: number } {
  const refund = i % 10 === 9;
  const amount = 100 + ((i * 7919) % 50_000);
  const fee = refund ? -Math.round(amount * 0.003) : Math.round(amount * 0.006);
  const second = String(i % 60).padStart(2, '0');
  const minute = String(Math.floor(i / 60) % 60).padStart(2, '0');
  const hour = String(8 + (Math.floor(i / 3600) % 14)).padStart(2, '0');
  const seq = String(i).padStart(10, '0');
  const half = Math.floor(amount / 2);
  const fields = [
    `2026-12-05 ${hour}:${minute}:${second}`, 'wx2421b1c4370ec43b', '1900000109', '0', `POS-0${i % 4}`,
    `42000012342026120500${seq}`, `01JEXBENCH${seq}ABCDEF`, 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', 'MICROPAY',
    refund ? 'REFUND' : 'SUCCESS', 'OTHERS', 'CNY', refund ? '0.00' : yuan(amount), '0.00',
    refund ? `503000010220261205${seq}` : '0', refund ? `R${seq}` : '0', refund ? yuan(half) : '0.00',
    '0.00', refund ? 'ORIGINAL' : '', refund ? 'SUCCESS' : '', '商品', '', yuan(fee), '0.60%',
    refund ? '0.00' : yuan(amount), refund ? yuan(half) : '0.00', '',
  ]; // prettier-ignore
  return { text: tick(fields), charged: refund ? 0 : amount, refunded: refund ? half : 0, fee };
}

/** Writes a WeChat Pay bill of `rows` rows (streamed to disk) and returns its path. */
export async function writeWechatBill(file: string, rows: number): Promise<string> {
  const out = fs.createWriteStream(file);
  const write = async (line: string): Promise<void> => {
    if (!out.write(line + '\r\n')) await once(out, 'drain');
  };
  await write(WECHAT_COLUMNS.join(','));
  let charged = 0;
  let refunded = 0;
  let fee = 0;
  for (let i = 0; i < rows; i++) {
    const r = wechatRow(i);
    charged += r.charged;
    refunded += r.refunded;
    fee += r.fee;
    await write(r.text);
  }
  await write(WECHAT_SUMMARY_COLUMNS.join(','));
  await write(
    tick([String(rows), yuan(charged), yuan(refunded), '0.00', yuan(fee), yuan(charged), yuan(refunded)]),
  );
  out.end();
  await once(out, 'finish');
  return file;
}
