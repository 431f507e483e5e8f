// The day's WeChat Pay payments as WeChat's trade bill (downloadbill, bill_type ALL): a header row, one row per
// payment (交易状态 SUCCESS) or refund (REFUND) with every field prefixed by a backtick so a spreadsheet keeps
// long numbers as text, amounts in yuan, then the two summary lines (their header, their backticked values).
// UTF-8 (WeChat serves the bill so), CRLF line ends. The header lines are the wallet's published layout, written
// as the file states them; test/main/gateway/sandbox/wechat-bill.test.ts reads the output with the till's reader.
import { billTotals, chinaTime, plainField, yuan, type BillDay, type BillRow } from './bill-rows';

export const WECHAT_BILL_HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';

export const WECHAT_SUMMARY_HEADER =
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';

/** The sandbox merchant's WeChat account (WeChat's documented sample values). */
const APP_ID = 'wx2421b1c4370ec43b';
const MCH_ID = '10000100';

const line = (fields: readonly string[]): string => fields.map((f) => `\`${f}`).join(',');

/** The fee as a rate of the amount, as the bill states it ("0.60%"). */
const rateOf = (r: BillRow): string => `${((r.feeMinor / r.amountMinor) * 100).toFixed(2)}%`;

function rowFields(r: BillRow): string[] {
  const charge = r.kind === 'charge';
  return [
    chinaTime(r.at),
    APP_ID,
    MCH_ID,
    '0',
    r.order.terminalId,
    r.order.orderId,
    r.order.reference,
    'o-sandbox-customer',
    'MICROPAY',
    charge ? 'SUCCESS' : 'REFUND',
    'OTHERS',
    r.order.currency,
    yuan(charge ? r.amountMinor : 0),
    '0.00',
    r.refundId ?? '0',
    r.refundReference ?? '0',
    yuan(charge ? 0 : r.amountMinor),
    '0.00',
    charge ? '' : 'ORIGINAL',
    charge ? '' : 'SUCCESS',
    plainField(r.order.subject),
    '',
    yuan(r.feeMinor),
    rateOf(r),
    yuan(charge ? r.amountMinor : 0),
    yuan(charge ? 0 : r.amountMinor),
    '',
  ];
}

export function writeWechatBill(day: BillDay): string {
  const t = billTotals(day.rows);
  const lines = [
    WECHAT_BILL_HEADER,
    ...day.rows.map((r) => line(rowFields(r))),
    WECHAT_SUMMARY_HEADER,
    line([
      String(day.rows.length),
      yuan(t.chargedMinor),
      yuan(t.refundedMinor),
      '0.00',
      yuan(t.feeMinor),
      yuan(t.chargedMinor),
      yuan(t.refundedMinor),
    ]),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
