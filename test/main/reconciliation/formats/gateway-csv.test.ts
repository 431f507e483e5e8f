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

const SAMPLE = 'gateway-settlement-2026-12-05.csv';
const lines = fixtureLines(SAMPLE).join('\n').split('\n');
const { dir, withLine, withField } = sampleVariants(lines);
const read = (file: string) => readSettlementFile(file, 'gateway-csv');

describe("the gateway's settlement as CSV", () => {
  it('reads payments (a declined one too) and a refund row for a refunded payment, with the totals', async () => {
    const { rows, summary } = await read(fixture(SAMPLE));
    expect(summary).toEqual({ rows: 4, chargedMinor: 7130, refundedMinor: 1000, feeMinor: 27 + 15 });
    expect(rows.map((r) => [r.line, r.kind, r.tender, r.status, r.amountMinor, r.brand])).toEqual([
      [2, 'charge', 'card', 'approved', 4550, 'unionpay'],
      [3, 'charge', 'qr', 'success', 2580, 'wechat'],
      [3, 'refund', 'qr', 'refunded', 1000, 'wechat'],
      [4, 'charge', 'card', 'declined', 12000, 'visa'],
    ]);
    expect(rows[0]).toMatchObject({
      source: 'gateway',
      terminalId: 'T-0001',
      reference: '01JEXQ7K9A1B3C5D7E9F1G3H5J',
    });
  });

  it('reads the same rows as the JSON of the same settlement', async () => {
    const json = await readSettlementFile(fixture('gateway-settlement-2026-12-05.json'), 'gateway-json');
    const csv = await read(fixture(SAMPLE));
    expect(csv.rows.map(({ line: _, ...r }) => r)).toEqual(json.rows.map(({ line: _, ...r }) => r));
    expect(csv.summary).toEqual(json.summary);
  });

  it('refuses a changed header naming the column, and an unknown layout, at line 1', async () => {
    expect(await refusal(read(withLine(1, (lines[0] ?? '').replace('amountMinor', 'amount'))))).toMatchObject(
      {
        line: 1,
        reason: 'header',
        column: 7,
        found: 'amount',
      },
    );
    expect(await refusal(read(fixture('wechat-bill-2026-12-05.csv')))).toMatchObject({
      line: 1,
      reason: 'unknown-layout',
    });
  });

  it('refuses a bad row at its line: amount, time, status, reference, another day or terminal', async () => {
    await expectEachRefused(withField, read, [
      [2, 6, '45.50', { line: 2, reason: 'amount', column: 'amountMinor' }],
      [3, 7, '2600', { line: 3, reason: 'amount', column: 'refundedMinor' }],
      [3, 9, '2026-12-05 03:40:51', { line: 3, reason: 'time' }],
      [4, 5, 'pending', { line: 4, reason: 'status', found: 'pending' }],
      [4, 4, 'x', { line: 4, reason: 'field', column: 'reference' }],
      [4, 0, '2026-12-06', { line: 4, column: 'businessDate' }],
      [3, 1, 'T-0002', { line: 3, column: 'terminalId' }],
    ]);
    expect(await refusal(read(withLine(3, 'garbage')))).toMatchObject({ line: 3, reason: 'field-count' });
  });

  it('refuses totals that disagree with the payments, and a file cut before them', async () => {
    expect(await refusal(read(withLine(6, '3,7131,1000,6131')))).toMatchObject({
      line: 6,
      reason: 'summary',
      column: 'approvedMinor',
    });
    expect(await refusal(read(withLine(6, '2,7130,1000,6130')))).toMatchObject({ line: 6, column: 'count' });
    expect(await refusal(read(withLine(6, '3,7130,1000,7130')))).toMatchObject({
      line: 6,
      column: 'netMinor',
    });
    expect(await refusal(read(writeLines(dir, 'cut.csv', lines.slice(0, 4))))).toMatchObject({
      line: 5,
      reason: 'truncated',
    });
  });
});
