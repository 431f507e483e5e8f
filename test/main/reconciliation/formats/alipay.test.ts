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
} from '../../../support/settlement-files';

const SAMPLE = 'alipay-detail-2026-12-05.csv';
const lines = fixtureLines(SAMPLE, 'gbk');
const { dir, withLine, withField } = sampleVariants(lines, 'gbk', (text) => `${text}\t`);
const HEADER = 5; // the header's line: four `#` lines above it
const gbk = (name: string, ls: readonly string[]): string => writeLines(dir, name, ls, 'gbk');
const read = (file: string) => readSettlementFile(file, 'alipay');

describe('Alipay trade detail (业务明细, GBK)', () => {
  it('reads the real layout: comments above and below, padded fields, charges and a refund', async () => {
    const { rows, summary } = await read(fixture(SAMPLE));
    expect(summary).toEqual({ rows: 3, chargedMinor: 5050, refundedMinor: 3200, feeMinor: 19 + 11 - 19 });
    expect(rows.map((r) => [r.line, r.kind, r.amountMinor, r.feeMinor, r.status])).toEqual([
      [6, 'charge', 3200, 19, '交易'],
      [7, 'charge', 1850, 11, '交易'],
      [8, 'refund', 3200, 19, '退款'],
    ]);
    expect(rows[0]).toMatchObject({
      source: 'alipay',
      reference: '01JEXS1B2C3D4E5F6G7H8J9K0M',
      providerId: '2026120522001412345678901234',
      refundId: null,
      tender: 'qr',
      brand: 'alipay',
      at: '2026-12-05T02:02:13.000Z',
      terminalId: 'POS-01',
    });
    expect(rows[2]?.refundId).toBe('01JEXX2C4D6E8F0G2H4J6K8M0N');
  });

  it('refuses the same file saved as UTF-8 (wrong encoding) at line 1', async () => {
    const file = path.join(dir, 'utf8.csv');
    fs.writeFileSync(file, lines.join('\r\n'));
    expect(await refusal(read(file))).toMatchObject({ line: 1, reason: 'encoding', expected: 'GBK' });
  });

  it('refuses an unknown layout (a WeChat bill, a CSV without the title) at line 1', async () => {
    expect(await refusal(read(fixture('wechat-bill-2026-12-05.csv')))).toMatchObject({
      line: 1,
      reason: 'unknown-layout',
    });
    expect(await refusal(read(gbk('no-title.csv', lines.slice(4))))).toMatchObject({
      line: 1,
      reason: 'unknown-layout',
    });
  });

  it('refuses a changed header at its line, naming the column', async () => {
    const header = (lines[HEADER - 1] ?? '').replace('商家实收（元）', '实收金额（元）');
    expect(await refusal(read(withLine(HEADER, header)))).toMatchObject({
      line: HEADER,
      reason: 'header',
      column: 13,
      expected: '商家实收（元）',
      found: '实收金额（元）',
    });
  });

  it('refuses a garbled row, a bad amount, a bad time, an unknown business type, a wrong sign', async () => {
    expect(await refusal(read(withLine(7, (lines[6] ?? '').replace(/,/g, ';'))))).toMatchObject({
      line: 7,
      reason: 'field-count',
    });
    await expectEachRefused(withField, read, [
      [6, 12, '32.0', { line: 6, reason: 'amount', column: '商家实收（元）' }],
      [7, 5, '2026-12-05 25:20:47', { line: 7, reason: 'time', column: '完成时间' }],
      [7, 2, '转账', { line: 7, reason: 'status', found: '转账' }],
      [8, 12, '32.00', { line: 8, reason: 'amount' }],
    ]);
  });

  it('refuses totals that disagree with the rows, on the totals line', async () => {
    const at = lines.findIndex((l) => l.startsWith('#交易合计')) + 1;
    expect(
      await refusal(read(withLine(at, '#交易合计：3笔，商家实收：￥50.50元，商家优惠：0.00元'))),
    ).toMatchObject({
      line: at,
      reason: 'summary',
      column: '交易合计',
    });
    expect(
      await refusal(read(withLine(at + 1, '#退款合计：1笔，商家实收：￥-31.00元，商家优惠：0.00元'))),
    ).toMatchObject({
      line: at + 1,
      column: '退款合计',
    });
  });

  it('refuses a truncated file (no totals below the rows) and rows after the list', async () => {
    expect(await refusal(read(gbk('cut.csv', lines.slice(0, 8))))).toMatchObject({
      line: 9,
      reason: 'truncated',
    });
    expect(await refusal(read(gbk('after.csv', [...lines.slice(0, 9), lines[6] ?? ''])))).toMatchObject({
      line: 10,
      reason: 'trailing',
    });
  });
});
