// 简体中文：管理 → 报表 的图表（分时销售、支付方式构成、按收银员的退货与作废、按类别的对账差异）。
import type { charts as en } from '../en/charts';

export const charts: Record<keyof typeof en, string> = {
  'charts.title': '一览',
  'charts.salesByHour': '分时销售',
  'charts.hourAxis': '时段',
  'charts.hour': '{hour}时',
  'charts.sales': '销售额',
  'charts.tenderMix': '支付方式构成',
  'charts.tender':
    '{kind, select, cash {现金} card {银行卡} other {扫码}}{brand, select, none {} visa {·Visa} unionpay {·银联} mastercard {·万事达} wechat {·微信支付} alipay {·支付宝} other {·{brand}}}',
  'charts.cashierVoids': '按收银员的退货与作废',
  'charts.measure':
    '{measure, select, returnsAmount {退货金额} returnsCount {退货笔数} voids {整单作废} other {删除商品行}}',
  'charts.amountAxis': '金额',
  'charts.countAxis': '次数',
  'charts.nobody': '未登录',
  'charts.differences': '按类别的对账差异',
  'charts.differenceCount': '差异笔数',
  'charts.class':
    '{class, select, charged_no_sale {已扣款无销售} sale_no_charge {有销售未结算} amount_mismatch {金额不符} status_mismatch {状态不符} refund_one_side {单边退款} declined_after_forward {转发后被拒} fee {手续费} other {其他}}',
  'charts.noSales': '尚无销售。',
  'charts.noTenders': '尚无收款。',
  'charts.noVoids': '无退货或作废。',
  'charts.noDifferences': '{dates} 已对账：无差异。',
  'charts.notReconciled': '尚未对账：{dates}。',
  'charts.reconLoading': '正在读取对账结果…',
  'charts.reconFailed': '无法读取对账结果。',
};
