import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GATEWAY_JSON_MAX_BYTES } from '../../../../main/reconciliation/formats/gateway-json';
import { readSettlementFile } from '../../../../main/reconciliation/formats/read';
import { fixture, refusal, tempDir } from '../../../support/settlement-files';

const SAMPLE = 'gateway-settlement-2026-12-05.json';
const text = fs.readFileSync(fixture(SAMPLE), 'utf8');
const dir = tempDir();
let n = 0;
const write = (body: string): string => {
  const file = path.join(dir, `s${n++}.json`);
  fs.writeFileSync(file, body);
  return file;
};
const edit = (
  change: (s: { payments: Record<string, unknown>[]; totals: Record<string, number> }) => void,
) => {
  const s = JSON.parse(text) as Parameters<typeof change>[0];
  change(s);
  return write(JSON.stringify(s, null, 2));
};
const read = (file: string) => readSettlementFile(file, 'gateway-json');

describe("the gateway's settlement as JSON (the GET /v1/settlements/{date} body)", () => {
  it('reads every payment as a charge row (index + 1 as its line) and a refund row beside a refunded one', async () => {
    const { rows, summary } = await read(fixture(SAMPLE));
    expect(summary).toEqual({ rows: 4, chargedMinor: 7130, refundedMinor: 1000, feeMinor: 27 + 15 });
    expect(rows.map((r) => [r.line, r.kind, r.status, r.amountMinor])).toEqual([
      [1, 'charge', 'approved', 4550],
      [2, 'charge', 'success', 2580],
      [2, 'refund', 'refunded', 1000],
      [3, 'charge', 'declined', 12000],
    ]);
  });

  it('refuses broken JSON at the line of the error', async () => {
    const broken = text.replace('"refundedMinor": 1000,', '"refundedMinor": 1000');
    const line = text.split('\n').findIndex((l) => l.includes('"refundedMinor": 1000,')) + 2;
    expect(await refusal(read(write(broken)))).toMatchObject({ line, reason: 'json' });
  });

  it('refuses JSON that is no settlement at line 1', async () => {
    expect(await refusal(read(write('{"rows": []}')))).toMatchObject({ line: 1, reason: 'unknown-layout' });
    expect(await refusal(read(write('[1, 2]')))).toMatchObject({ line: 1, reason: 'unknown-layout' });
  });

  it('refuses a bad payment at its index + 1, naming the field', async () => {
    const bad = edit((s) => (s.payments[2] = { ...s.payments[2], amountMinor: 12.5 }));
    expect(await refusal(read(bad))).toMatchObject({ line: 3, reason: 'field', column: 'amountMinor' });
    const status = edit((s) => (s.payments[1] = { ...s.payments[1], status: 'paid' }));
    expect(await refusal(read(status))).toMatchObject({ line: 2, reason: 'status', found: 'paid' });
  });

  it('refuses totals that disagree with the payments', async () => {
    const count = edit((s) => (s.totals['count'] = 4));
    expect(await refusal(read(count))).toMatchObject({ reason: 'summary', column: 'count' });
    const approved = edit((s) => (s.totals['approvedMinor'] = 19130));
    expect(await refusal(read(approved))).toMatchObject({ reason: 'summary', column: 'approvedMinor' });
  });

  it('refuses a file over the size cap before reading it', async () => {
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, GATEWAY_JSON_MAX_BYTES + 1);
    expect(await refusal(read(file))).toMatchObject({ line: 1, reason: 'too-large' });
  });
});
