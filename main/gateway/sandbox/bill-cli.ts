// `npm run gateway -- bill --data DIR --day YYYY-MM-DD --format wechat|alipay [--out FILE]` writes one business
// day of a sandbox ledger as the wallet's bill file (bill-file.ts), the file a shop would download from WeChat
// Pay or Alipay, so the till's import can be tried on it. Without --out the bytes go to stdout. The ledger may
// be in use by a running sandbox (SQLite WAL: this only reads). Exit 0 written, 2 bad arguments or no ledger.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { billFile, BillRequestSchema } from './bill-file';
import { GatewayFailure } from './errors';
import { Ledger, LEDGER_FILE } from './ledger';

export const BILL_USAGE = `usage: npm run gateway -- bill --data DIR --day YYYY-MM-DD --format wechat|alipay [--out FILE]
                           [--currency CNY] [--time-zone Asia/Shanghai]`;

export function runBillCommand(
  argv: readonly string[],
  out: (bytes: Buffer | string) => void,
  err: (line: string) => void,
  now: () => Date = () => new Date(),
): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        data: { type: 'string' },
        day: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        currency: { type: 'string', default: 'CNY' },
        'time-zone': { type: 'string', default: 'Asia/Shanghai' },
      },
    }));
  } catch (e) {
    err(`error: ${(e as Error).message}\n${BILL_USAGE}`);
    return 2;
  }
  const request = BillRequestSchema.safeParse({ businessDate: values.day, format: values.format });
  if (!request.success || values.data === undefined) {
    err(`error: --data DIR, --day YYYY-MM-DD and --format wechat|alipay are required\n${BILL_USAGE}`);
    return 2;
  }
  const ledgerFile = path.join(path.resolve(values.data), LEDGER_FILE);
  if (!fs.existsSync(ledgerFile)) {
    err(`error: no sandbox ledger at ${ledgerFile}`);
    return 2;
  }
  const ledger = Ledger.open(path.dirname(ledgerFile));
  try {
    const file = billFile({
      ledger,
      ...request.data,
      currency: values.currency,
      timeZone: values['time-zone'],
      now: now(),
    });
    if (values.out === undefined) out(file.bytes);
    else {
      fs.writeFileSync(values.out, file.bytes);
      out(`${path.resolve(values.out)}\n`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof GatewayFailure)) throw e;
    err(`error: ${e.message}`);
    return 2;
  } finally {
    ledger.close();
  }
}
