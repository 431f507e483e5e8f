import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettlementFile } from '../../../../main/reconciliation/formats/read';
import {
  fixture,
  fixtureLines,
  expectEachRefused,
  refusal,
  sampleVariants,
  writeLines,
  writeWechatBill,
} from '../../../support/settlement-files';

const SAMPLE = 'wechat-bill-2026-12-05.csv';
const lines = fixtureLines(SAMPLE);
const { dir, withLine, withField } = sampleVariants(lines);
const read = (file: string) => readSettlementFile(file, 'wechat');

describe('WeChat Pay trade bill (downloadbill, ALL)', () => {
  it('reads the real layout: charges, a refund, fees, China time as UTC, the summary', async () => {
    const { rows, summary } = await read(fixture(SAMPLE));
    expect(summary).toEqual({ rows: 4, chargedMinor: 16370, refundedMinor: 6400, feeMinor: 60 });
    expect(rows.map((r) => [r.line, r.kind, r.amountMinor, r.feeMinor])).toEqual([
      [2, 'charge', 2580, 15],
      [3, 'charge', 12800, 77],
      [4, 'charge', 990, 6],
      [5, 'refund', 6400, 38],
    ]);
    expect(rows[0]).toEqual({
      line: 2,
      source: 'wechat',
      kind: 'charge',
      reference: '01JEXR2Q8M5X7Z9A1B3C5D7E9G',
      providerId: '4200001234202612050912030001',
      refundId: null,
      tender: 'qr',
      brand: 'wechat',
      amountMinor: 2580,
      feeMinor: 15,
      at: '2026-12-05T01:12:03.000Z',
      status: 'SUCCESS',
      terminalId: 'POS-01',
    });
    expect(rows[2]?.reference).toBeNull();
    expect(rows[3]).toMatchObject({
      refundId: '50300001022026120516304100001',
      reference: '01JEXT0A4B6C8D0E2F4G6H8J0K',
    });
  });

  it('reads a bill without a BOM and with LF line ends the same', async () => {
    const file = path.join(dir, 'lf.csv');
    fs.writeFileSync(file, lines.join('\n'));
    expect((await read(file)).summary.rows).toBe(4);
  });

  it('reads a changed amount to the fen: the summary then disagrees by exactly that', async () => {
    const file = withField(4, 12, '`0.29');
    const bad = await refusal(read(file));
    // the row now disagrees with the summary, and nothing else: the amount itself was read exactly
    expect(bad).toMatchObject({
      line: 7,
      reason: 'summary',
      column: '应结订单总金额',
      rows: 2580 + 12800 + 29,
    });
  });

  it('refuses a changed header at line 1, naming the column', async () => {
    const header = (lines[0] ?? '').replace('应结订单金额', '结算金额');
    expect(await refusal(read(withLine(1, header)))).toMatchObject({
      line: 1,
      reason: 'header',
      column: 13,
      expected: '应结订单金额',
      found: '结算金额',
    });
  });

  it('refuses an unknown layout at line 1', async () => {
    expect(await refusal(read(withLine(1, 'date,amount,memo')))).toMatchObject({
      line: 1,
      reason: 'unknown-layout',
    });
    expect(await refusal(read(writeLines(dir, 'empty.csv', [])))).toMatchObject({ line: 1 });
  });

  it('refuses a garbled row (wrong field count, a field without its backtick) at its line', async () => {
    expect(await refusal(read(withLine(3, (lines[2] ?? '').slice(0, 80))))).toMatchObject({
      line: 3,
      reason: 'field-count',
      expected: 27,
    });
    expect(await refusal(read(withField(4, 5, '4200001234202612051405190003')))).toMatchObject({
      line: 4,
      reason: 'field',
      column: '微信订单号',
    });
  });

  it('refuses a bad amount, a bad time, an unknown status, a charge with a negative fee', async () => {
    await expectEachRefused(withField, read, [
      [2, 12, '`25.8', { line: 2, reason: 'amount', column: '应结订单金额' }],
      [3, 0, '`2026-02-30 11:47:55', { line: 3, reason: 'time' }],
      [3, 0, '`2026/12/05 11:47:55', { line: 3, reason: 'time' }],
      [4, 9, '`NOTPAY', { line: 4, reason: 'status', found: 'NOTPAY' }],
      [2, 22, '`-0.15', { line: 2, reason: 'amount', column: '手续费' }],
    ]);
  });

  it('refuses a summary that disagrees with its rows, on the summary line', async () => {
    const summary = (lines[6] ?? '').split(',');
    const wrong = (i: number, v: string) => summary.map((f, j) => (j === i ? v : f)).join(',');
    expect(await refusal(read(withLine(7, wrong(0, '`5'))))).toMatchObject({
      line: 7,
      reason: 'summary',
      column: '总交易单数',
    });
    expect(await refusal(read(withLine(7, wrong(2, '`64.01'))))).toMatchObject({
      line: 7,
      column: '退款总金额',
    });
    expect(await refusal(read(withLine(7, wrong(4, '`0.98'))))).toMatchObject({
      line: 7,
      column: '手续费总金额',
    });
  });

  it('refuses a truncated file (no summary, or cut inside a row) and anything after the summary', async () => {
    expect(await refusal(read(writeLines(dir, 't1.csv', lines.slice(0, 5))))).toMatchObject({
      line: 6,
      reason: 'truncated',
    });
    expect(await refusal(read(writeLines(dir, 't2.csv', lines.slice(0, 6))))).toMatchObject({
      line: 7,
      reason: 'truncated',
    });
    const cut = [...lines.slice(0, 3), (lines[3] ?? '').slice(0, 40)];
    expect(await refusal(read(writeLines(dir, 't3.csv', cut)))).toMatchObject({
      line: 4,
      reason: 'field-count',
    });
    expect(await refusal(read(writeLines(dir, 't4.csv', [...lines, '', 'x'])))).toMatchObject({
      line: 9,
      reason: 'trailing',
    });
  });

  it('reads a generated 1,000-row bill whose summary agrees', async () => {
    const { rows, summary } = await read(await writeWechatBill(path.join(dir, 'gen.csv'), 1000));
    expect(rows).toHaveLength(1000);
    expect(summary.rows).toBe(1000);
    expect(rows.filter((r) => r.kind === 'refund')).toHaveLength(100);
    expect(summary.chargedMinor).toBe(
      rows.filter((r) => r.kind === 'charge').reduce((n, r) => n + r.amountMinor, 0),
    );
  });
});
