// `npm run gateway -- bill`: a day of a file-backed sandbox ledger written as a wallet's bill file the till's
// reader accepts; bad arguments, a missing ledger and a non-yuan account exit 2 with the reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBillCommand } from '../../../../main/gateway/sandbox/bill-cli';
import { readSettlementFile } from '../../../../main/reconciliation/formats/read';
import { idem, ref, startHarness, tempDir } from './harness';

const root = path.resolve(import.meta.dirname, '../../../..');
let dir: string;
let reference: string;

beforeAll(async () => {
  dir = tempDir();
  const h = await startHarness({ dataDir: dir, currency: 'CNY', businessTimeZone: 'Asia/Shanghai' });
  h.clock.at = Date.parse('2026-03-10T02:00:00Z');
  reference = ref('qr');
  const body = {
    reference,
    amountMinor: 1234,
    currency: 'CNY',
    scheme: 'wechat',
    authCode: '134567890123456789',
    subject: 'x',
  };
  expect((await h.call('POST', '/v1/qr/micropay', body, { key: idem() })).status).toBe(200);
  await h.gw.close();
});

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runBillCommand(
    args,
    (b) => (out += b.toString()),
    (l) => (err += `${l}\n`),
  );
  return { code, out, err };
}

describe('gateway bill command', () => {
  it('writes the day as a WeChat bill the till reads back', async () => {
    const file = path.join(dir, 'bill.csv');
    const r = run(['--data', dir, '--day', '2026-03-10', '--format', 'wechat', '--out', file]);
    expect(r).toMatchObject({ code: 0, out: `${file}\n` });
    const { rows, summary } = await readSettlementFile(file, 'wechat');
    expect(rows.map((x) => [x.reference, x.amountMinor])).toEqual([[reference, 1234]]);
    expect(summary).toEqual({ rows: 1, chargedMinor: 1234, refundedMinor: 0, feeMinor: 0 });
  });

  it('is reached through the gateway CLI and prints the file to stdout', () => {
    const node = path.join(root, 'node_modules/.bin/node');
    const args = [
      '--import',
      'tsx',
      'main/gateway/sandbox/cli.ts',
      'bill',
      '--data',
      dir,
      '--day',
      '2026-03-10',
      '--format',
      'alipay',
    ];
    const r = spawnSync(node, args, { cwd: root });
    expect(r.status).toBe(0);
    expect(new TextDecoder('gbk').decode(r.stdout)).toContain('#交易合计：0笔，商家实收：0.00元');
  });

  it('exits 2 with the reason for bad arguments, a missing ledger or an account not in yuan', () => {
    expect(run(['--data', dir, '--day', '2026-03-10', '--format', 'paypal'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--format wechat|alipay'),
    });
    expect(run(['--data', dir, '--day', '2026-03-10'])).toMatchObject({ code: 2 });
    expect(run(['--data', dir, '--bogus'])).toMatchObject({ code: 2 });
    const empty = tempDir();
    expect(run(['--data', empty, '--day', '2026-03-10', '--format', 'wechat'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('no sandbox ledger'),
    });
    expect(fs.readdirSync(empty)).toEqual([]);
    expect(
      run(['--data', dir, '--day', '2026-03-10', '--format', 'wechat', '--currency', 'USD']),
    ).toMatchObject({ code: 2, err: expect.stringContaining('in yuan') });
  });
});
