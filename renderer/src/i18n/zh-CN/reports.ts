// 简体中文：管理 → 报表（当日 X 报表、Z 报表日结、历史 Z 报表）。
import type { reports as en } from '../en/reports';

export const reports: Record<keyof typeof en, string> = {
  'manage.reports': '报表',
  'manage.reportsHint': '当日至今的 X 报表、Z 报表日结、历史 Z 报表',
  'reports.title': '报表',
  'reports.tab': '{tab, select, x {X 报表} z {日结（Z）} other {历史 Z 报表}}',
  'reports.loading': '加载中…',
  'reports.heading':
    '{kind, select, z {Z 报表 第 {zNo} 号} other {X 报表（不结账）}} · 营业日 {dayNo} · {terminal}',
  'reports.training': '培训模式：以下数字不是真实销售。',
  'reports.period': '自 {from} 至 {to}',
  'reports.takenBy': '制表人：{name}',
  'reports.sales': '销售',
  'reports.figure':
    '{figure, select, count {销售笔数} items {商品件数} gross {销售总额} discounts {折扣} total {实收} tax {销售含税} returnsCount {退货笔数} returns {退货金额} returnsTax {退货税额} net {净销售额} variance {现金差异} other {数字}}',
  'reports.taxes': '各税率',
  'reports.taxRate': '{rate, number, ::percent .##}：应税 {taxable}，税额 {tax}',
  'reports.none': '无。',
  'reports.tenders': '支付方式',
  'reports.tender':
    '{kind, select, cash {现金} card {银行卡} other {扫码}}{brand, select, none {} other {（{brand}）}}',
  'reports.tenderCount': '{count} 笔',
  'reports.change': '找零 {amount}',
  'reports.refunded': '退款 {amount}',
  'reports.cashiers': '按收银员',
  'reports.nobody': '未登录（培训）',
  'reports.cashier': '{count} 笔销售，{total}；{returns, plural, =0 {无退货} other {# 笔退货}}',
  'reports.counts': '次数',
  'reports.count':
    '{count, select, sales {销售} items {商品件数} noSaleOpens {无销售开钱箱} reprints {重打小票} overrides {经理授权} voids {整单作废} other {删除商品行}}',
  'reports.offline': '离线刷卡',
  'reports.offlineStored': '仍未上送：{count} 笔（{amount}）',
  'reports.offlineDeclined': '上送后被拒：{count} 笔（{amount}）',
  'reports.shifts': '班次',
  'reports.shift':
    '钱箱 {drawer}：{state, select, open {进行中} closing {已清点，待签核} other {已结班}}，备用金 {float}',
  'reports.shiftCount': '应有 {expected}，实点 {counted}，差异 {variance}',
  'reports.signedOff': '{name} 已签核：{note}',
  'reports.chain': '哈希链',
  'reports.chainLine': '日志第 {seq} 条 · 上一张 {prev} · 本张 {chain}',
  'reports.zIntro': '日结生成 Z 报表：连续编号、不可更改、自动打印。所有班次须已结班，且没有结果未知的支付。',
  'reports.zTake': '日结',
  'reports.zApprove': '经理授权：日结并生成 Z 报表',
  'reports.zRefused': '未能日结，没有任何更改。尚未处理：',
  'reports.blocker':
    '{kind, select, shift {钱箱 {drawer} 的班次{state, select, open {仍在进行中} closing {已清点，待签核} other {尚未结束}}。} payment {一笔 {amount} 的支付结果未知（{state}）。} other {一笔 {amount} 的退款结果未知。}}',
  'reports.toShift': '班次页面',
  'reports.toAlerts': '支付提醒',
  'reports.pastEmpty': '尚无 Z 报表。',
  'reports.pastRow': 'Z 第 {zNo} 号 · {closed} · {count} 笔销售 · 净额 {net}',
  'reports.print': '打印',
  'reports.export': '导出 {format, select, csv {CSV} other {PDF}}',
  'reports.printed': '已发送到打印机。',
  'reports.exported': '已写入：{path}',
};
