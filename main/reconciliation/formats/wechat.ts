// WeChat Pay's trade bill (`downloadbill`, bill_type ALL), UTF-8 with or without a BOM: a header row, one
// row per transaction with every field prefixed by a backtick (so spreadsheets keep long ids as text),
// amounts in yuan, then a summary header row and one summary values row. SUCCESS rows are charges, REFUND
// rows refunds; 手续费 is the fee (negative on a refund row: the fee given back). docs/settlement-formats.md.
import type { SettlementRow, SettlementSummary } from '../settlement-row';
import { chinaTimeToIso } from './china-time';
import { checkHeader, fieldsOf } from './layout';
import { yuanToFen } from './money';
import { RowTotals, type SettlementParser } from './parser';
import { refuse, summaryAtEnd } from './refuse';

export const WECHAT_COLUMNS = [
  '交易时间', '公众账号ID', '商户号', '特约商户号', '设备号', '微信订单号', '商户订单号', '用户标识', '交易类型',
  '交易状态', '付款银行', '货币种类', '应结订单金额', '代金券金额', '微信退款单号', '商户退款单号', '退款金额',
  '充值券退款金额', '退款类型', '退款状态', '商品名称', '商户数据包', '手续费', '费率', '订单金额', '申请退款金额',
  '费率备注',
] as const; // prettier-ignore

export const WECHAT_SUMMARY_COLUMNS = [
  '总交易单数', '应结订单总金额', '退款总金额', '充值券退款总金额', '手续费总金额', '订单总金额', '申请退款总金额',
] as const; // prettier-ignore

const col = (name: (typeof WECHAT_COLUMNS)[number]): number => WECHAT_COLUMNS.indexOf(name);
const SUMMARY_HEADER = WECHAT_SUMMARY_COLUMNS.join(',');

/** Strips the backtick every WeChat data field carries; a field without one is garbled. */
function unticked(line: number, fields: readonly string[], names: readonly string[]): string[] {
  return fields.map((f, i) => {
    if (!f.startsWith('`')) throw refuse(line, 'field', { column: names[i] ?? i + 1, found: f });
    return f.slice(1);
  });
}

function amountAt(line: number, f: readonly string[], name: (typeof WECHAT_COLUMNS)[number]): number {
  const fen = yuanToFen(f[col(name)] ?? '');
  if (fen === null) throw refuse(line, 'amount', { column: name, found: f[col(name)] });
  return fen;
}

/** The sums the summary row states, kept per column so each can be checked. */
class WechatSums {
  readonly totals = new RowTotals();
  settledMinor = 0;
  rechargeRefundMinor = 0;
  signedFeeMinor = 0;
  orderMinor = 0;
  requestedRefundMinor = 0;
}

function wechatRow(line: number, text: string, sums: WechatSums): SettlementRow {
  const f = unticked(line, fieldsOf(line, text, WECHAT_COLUMNS.length), WECHAT_COLUMNS);
  const at = chinaTimeToIso(f[col('交易时间')] ?? '');
  if (at === null) throw refuse(line, 'time', { column: '交易时间', found: f[col('交易时间')] });
  const status = f[col('交易状态')] ?? '';
  if (status !== 'SUCCESS' && status !== 'REFUND')
    throw refuse(line, 'status', { column: '交易状态', found: status });
  if (f[col('货币种类')] !== 'CNY')
    throw refuse(line, 'field', { column: '货币种类', found: f[col('货币种类')] });
  const providerId = f[col('微信订单号')] ?? '';
  if (providerId === '') throw refuse(line, 'field', { column: '微信订单号', found: '' });
  const settled = amountAt(line, f, '应结订单金额');
  const refunded = amountAt(line, f, '退款金额');
  const fee = amountAt(line, f, '手续费');
  sums.settledMinor += settled;
  sums.rechargeRefundMinor += amountAt(line, f, '充值券退款金额');
  sums.signedFeeMinor += fee;
  sums.orderMinor += amountAt(line, f, '订单金额');
  sums.requestedRefundMinor += amountAt(line, f, '申请退款金额');
  amountAt(line, f, '代金券金额');
  const refund = status === 'REFUND';
  const amountMinor = refund ? refunded : settled;
  if (amountMinor <= 0)
    throw refuse(line, 'amount', { column: refund ? '退款金额' : '应结订单金额', found: amountMinor });
  // A charge pays a fee, a refund gives some back: anything else is a garbled fee column.
  if (refund ? fee > 0 : fee < 0) throw refuse(line, 'amount', { column: '手续费', found: f[col('手续费')] });
  const refundId = f[col('微信退款单号')] ?? '';
  if (refund && refundId === '') throw refuse(line, 'field', { column: '微信退款单号', found: '' });
  return sums.totals.add({
    line,
    source: 'wechat',
    kind: refund ? 'refund' : 'charge',
    reference: f[col('商户订单号')] || null,
    providerId,
    refundId: refund ? refundId : null,
    tender: 'qr',
    brand: 'wechat',
    amountMinor,
    feeMinor: Math.abs(fee),
    at,
    status,
    terminalId: f[col('设备号')] || null,
  });
}

function checkSummary(line: number, text: string, sums: WechatSums): SettlementSummary {
  const f = unticked(line, fieldsOf(line, text, WECHAT_SUMMARY_COLUMNS.length), WECHAT_SUMMARY_COLUMNS);
  const count = f[0] ?? '';
  if (!/^\d+$/.test(count)) throw refuse(line, 'summary', { column: '总交易单数', found: count });
  const t = sums.totals;
  const stated: [string, number][] = [
    ['总交易单数', t.rows],
    ['应结订单总金额', t.chargedMinor],
    ['退款总金额', t.refundedMinor],
    ['充值券退款总金额', sums.rechargeRefundMinor],
    ['手续费总金额', sums.signedFeeMinor],
    ['订单总金额', sums.orderMinor],
    ['申请退款总金额', sums.requestedRefundMinor],
  ];
  stated.forEach(([column, rowsSay], i) => {
    const fileSays = i === 0 ? Number(count) : yuanToFen(f[i] ?? '');
    if (fileSays !== rowsSay) throw refuse(line, 'summary', { column, found: f[i], rows: rowsSay });
  });
  // 应结订单总金额 sums every row's 应结订单金额; a refund row carries 0.00 there, so it equals the charges'.
  if (sums.settledMinor !== t.chargedMinor) throw refuse(line, 'summary', { column: '应结订单总金额' });
  return t.summary();
}

export function wechatParser(): SettlementParser {
  let state: 'header' | 'rows' | 'summary' | 'done' = 'header';
  let summary: SettlementSummary | null = null;
  const sums = new WechatSums();
  return {
    encoding: 'utf8',
    feed(line, text) {
      if (state === 'header') {
        checkHeader(line, text.split(','), WECHAT_COLUMNS);
        state = 'rows';
      } else if (state === 'rows') {
        if (text !== SUMMARY_HEADER) return [wechatRow(line, text, sums)];
        state = 'summary';
      } else if (state === 'summary') {
        summary = checkSummary(line, text, sums);
        state = 'done';
      } else if (text.trim() !== '') {
        throw refuse(line, 'trailing');
      }
      return [];
    },
    end: (lastLine) => summaryAtEnd(lastLine, summary),
  };
}
