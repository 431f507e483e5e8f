// The day's Alipay payments as Alipay's trade detail file (业务明细): GBK, `#` comment lines above the table
// (title, account, period) and below it (end marker, the trade and refund totals, export time), one header
// row, one row per trade (业务类型 交易) or refund (退款) with amounts in yuan, a refund's 商家实收 negative.
import { billTotals, chinaTime, plainField, yuan, type BillDay, type BillRow } from './bill-rows';

export const ALIPAY_DETAIL_HEADER =
  '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注';

/** The sandbox merchant's Alipay account (a partner id's shape: 2088 and twelve digits). */
const ACCOUNT = '2088000000000000';

/** "2026年03月10日 00:00:00", as Alipay writes dates in the comment lines. */
const chineseDate = (ymd: string, time = '00:00:00'): string => {
  const [y, m, d] = ymd.split('-');
  return `${y ?? ''}年${m ?? ''}月${d ?? ''}日 ${time}`;
};

const nextDay = (ymd: string): string =>
  new Date(Date.parse(`${ymd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function rowFields(r: BillRow): string[] {
  const charge = r.kind === 'charge';
  const at = chinaTime(r.at);
  return [
    r.order.orderId,
    r.order.reference,
    charge ? '交易' : '退款',
    plainField(r.order.subject),
    chinaTime(r.order.createdAt),
    at,
    '',
    '',
    '',
    r.order.terminalId,
    'sandbox***@example.com',
    yuan(r.order.amountMinor),
    yuan(charge ? r.amountMinor : -r.amountMinor),
    '0.00',
    '0.00',
    '0.00',
    '0.00',
    '0.00',
    '',
    '0.00',
    '0.00',
    r.refundReference ?? '',
    yuan(r.feeMinor),
    '0.00',
    '',
  ];
}

export function alipayDetailText(day: BillDay, exportedAt: string): string {
  const t = billTotals(day.rows);
  const lines = [
    '#支付宝业务明细查询',
    `#账号：[${ACCOUNT}]`,
    `#起始日期：[${chineseDate(day.businessDate)}]   终止日期：[${chineseDate(nextDay(day.businessDate))}]`,
    '#-----------------------------------------业务明细列表----------------------------------------',
    ALIPAY_DETAIL_HEADER,
    ...day.rows.map((r) => rowFields(r).join(',')),
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${t.charges.length}笔，商家实收：${yuan(t.chargedMinor)}元，服务费：${yuan(t.feeMinor)}元`,
    `#退款合计：${t.refunds.length}笔，商家实收：${yuan(-t.refundedMinor)}元`,
    `#导出时间：[${chineseDate(...(chinaTime(exportedAt).split(' ') as [string, string]))}]`,
  ];
  return `${lines.join('\r\n')}\r\n`;
}
