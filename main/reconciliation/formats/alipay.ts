// Alipay's trade detail file (业务明细), GBK: `#` comment lines above (title, account, dates), a header row,
// one row per transaction (fields padded with spaces or tabs), then `#` lines below: the end-of-list rule,
// 交易合计 and 退款合计 (count and 商家实收 of charges and of refunds) and the export time. 业务类型 交易 is a
// charge, 退款 a refund (its amounts negative); 服务费 is the fee. docs/settlement-formats.md.
import iconv from 'iconv-lite';
import type { SettlementRow, SettlementSummary } from '../settlement-row';
import { chinaTimeToIso } from './china-time';
import { checkHeader, fieldsOf } from './layout';
import { yuanToFen } from './money';
import { RowTotals, type SettlementParser } from './parser';
import { refuse } from './refuse';

export const ALIPAY_TITLE = '#支付宝业务明细查询';

export const ALIPAY_COLUMNS = [
  '支付宝交易号', '商户订单号', '业务类型', '商品名称', '创建时间', '完成时间', '门店编号', '门店名称', '操作员',
  '终端号', '对方账户', '订单金额（元）', '商家实收（元）', '支付宝红包（元）', '集分宝（元）', '支付宝优惠（元）',
  '商家优惠（元）', '券核销金额（元）', '券名称', '商家红包消费金额（元）', '卡消费金额（元）', '退款批次号/请求号',
  '服务费（元）', '分润（元）', '备注',
] as const; // prettier-ignore

type Column = (typeof ALIPAY_COLUMNS)[number];
const col = (name: Column): number => ALIPAY_COLUMNS.indexOf(name);
const AMOUNT_COLUMNS = ALIPAY_COLUMNS.filter((c) => c.endsWith('（元）'));
const TOTAL_LINE = /^#(交易|退款)合计：(\d+)笔，商家实收：￥?(-?\d+\.\d{2})元/;

function amountAt(line: number, f: readonly string[], name: Column): number {
  const fen = yuanToFen(f[col(name)] ?? '');
  if (fen === null) throw refuse(line, 'amount', { column: name, found: f[col(name)] });
  return fen;
}

function alipayRow(line: number, text: string, totals: RowTotals): SettlementRow {
  const f = fieldsOf(line, text, ALIPAY_COLUMNS.length).map((s) => s.trim());
  const type = f[col('业务类型')];
  if (type !== '交易' && type !== '退款') throw refuse(line, 'status', { column: '业务类型', found: type });
  const at = chinaTimeToIso(f[col('完成时间')] ?? '');
  if (at === null) throw refuse(line, 'time', { column: '完成时间', found: f[col('完成时间')] });
  if (chinaTimeToIso(f[col('创建时间')] ?? '') === null) {
    throw refuse(line, 'time', { column: '创建时间', found: f[col('创建时间')] });
  }
  for (const c of AMOUNT_COLUMNS) amountAt(line, f, c);
  const providerId = f[col('支付宝交易号')] ?? '';
  if (providerId === '') throw refuse(line, 'field', { column: '支付宝交易号', found: '' });
  const refund = type === '退款';
  // 商家实收 is what reaches the shop: positive on a charge, negative on a refund.
  const received = amountAt(line, f, '商家实收（元）');
  if (refund ? received >= 0 : received <= 0) {
    throw refuse(line, 'amount', { column: '商家实收（元）', found: f[col('商家实收（元）')] });
  }
  return totals.add({
    line,
    source: 'alipay',
    kind: refund ? 'refund' : 'charge',
    reference: f[col('商户订单号')] || null,
    providerId,
    refundId: refund ? f[col('退款批次号/请求号')] || null : null,
    tender: 'qr',
    brand: 'alipay',
    amountMinor: Math.abs(received),
    feeMinor: Math.abs(amountAt(line, f, '服务费（元）')),
    at,
    status: type,
    terminalId: f[col('终端号')] || null,
  });
}

/** A first line that is the title once decoded as UTF-8: the file was saved in the wrong encoding. */
const utf8Title = (text: string): boolean =>
  text.includes('\uFFFD') || iconv.decode(iconv.encode(text, 'gbk'), 'utf8').startsWith(ALIPAY_TITLE);

export function alipayParser(): SettlementParser {
  let state: 'top' | 'rows' | 'bottom' = 'top';
  const totals = new RowTotals();
  const stated = new Map<string, { line: number; count: number; minor: number | null }>();

  function footer(line: number, text: string): void {
    const m = TOTAL_LINE.exec(text);
    if (m) stated.set(m[1] as string, { line, count: Number(m[2]), minor: yuanToFen(m[3] as string) });
  }

  return {
    encoding: 'gbk',
    feed(line, text) {
      if (line === 1 && text !== ALIPAY_TITLE) {
        if (text.startsWith('#') && utf8Title(text)) throw refuse(1, 'encoding', { expected: 'GBK' });
        throw refuse(1, 'unknown-layout');
      }
      if (state === 'top') {
        if (text.startsWith('#')) return [];
        checkHeader(
          line,
          text.split(',').map((s) => s.trim()),
          ALIPAY_COLUMNS,
        );
        state = 'rows';
      } else if (state === 'rows' && !text.startsWith('#')) {
        return [alipayRow(line, text, totals)];
      } else if (text.startsWith('#') || text.trim() === '') {
        state = 'bottom';
        footer(line, text);
      } else {
        throw refuse(line, 'trailing');
      }
      return [];
    },
    end(lastLine): SettlementSummary {
      if (lastLine === 0) throw refuse(1, 'unknown-layout');
      const charges = stated.get('交易');
      const refunds = stated.get('退款');
      if (!charges || !refunds) throw refuse(lastLine + 1, 'truncated');
      if (charges.count !== totals.charges || charges.minor !== totals.chargedMinor) {
        throw refuse(charges.line, 'summary', {
          column: '交易合计',
          rows: totals.charges,
          minor: totals.chargedMinor,
        });
      }
      if (refunds.count !== totals.refunds || refunds.minor !== -totals.refundedMinor) {
        throw refuse(refunds.line, 'summary', {
          column: '退款合计',
          rows: totals.refunds,
          minor: -totals.refundedMinor,
        });
      }
      return totals.summary();
    },
  };
}
