// A wallet's bill for one business day as a file: what GET /admin/bills/{date}?format= serves and
// `npm run gateway -- bill` writes. Only a CNY merchant account has wallet bills (WeChat Pay and Alipay settle
// a Chinese shop in yuan).
import { z } from 'zod';
import { alipayDetailText } from './alipay-bill';
import { billRows } from './bill-rows';
import { GatewayFailure } from './errors';
import type { Ledger } from './ledger';
import { writeWechatBill } from './wechat-bill';
import iconv from 'iconv-lite';

export const BILL_FORMATS = ['wechat', 'alipay'] as const;
export type BillFormat = (typeof BILL_FORMATS)[number];
export const BillRequestSchema = z.strictObject({
  businessDate: z.iso.date(),
  format: z.enum(BILL_FORMATS),
});

export interface BillFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export function billFile(p: {
  ledger: Ledger;
  businessDate: string;
  format: BillFormat;
  currency: string;
  timeZone: string;
  now: Date;
}): BillFile {
  if (p.currency !== 'CNY') {
    throw new GatewayFailure(
      'invalid_request',
      `wallet bills are in yuan; this sandbox merchant account settles in ${p.currency} (start it with --currency CNY)`,
    );
  }
  const day = billRows({ ...p, scheme: p.format });
  const compact = p.businessDate.replaceAll('-', '');
  if (p.format === 'wechat') {
    return {
      fileName: `wechat-${compact}-ALL.csv`,
      contentType: 'text/csv; charset=utf-8',
      bytes: Buffer.from(writeWechatBill(day), 'utf8'),
    };
  }
  return {
    fileName: `2088000000000000_${compact}_业务明细.csv`,
    contentType: 'text/csv; charset=gbk',
    // Alipay serves its detail files in GBK.
    bytes: iconv.encode(alipayDetailText(day, p.now.toISOString()), 'gbk'),
  };
}
