// Fixed words of an X or Z report, per locale. One table for every form the report takes (the printout, the
// CSV and the PDF), so the three never name a figure differently.
import type { Locale } from '../api/contract';

export interface ReportLabels {
  readonly title: { readonly x: string; readonly z: string };
  readonly reportNo: { readonly x: string; readonly z: string };
  readonly sections: {
    readonly header: string;
    readonly sales: string;
    readonly returns: string;
    readonly net: string;
    readonly taxes: string;
    readonly tenders: string;
    readonly cashiers: string;
    readonly counts: string;
    readonly offline: string;
    readonly shifts: string;
    readonly variance: string;
    readonly hourly: string;
    readonly reconciled: string;
    readonly chain: string;
  };
  readonly store: string;
  /** the CSV's header row: section, item, value */
  readonly csvColumns: readonly [string, string, string];
  readonly reportType: string;
  readonly mode: string;
  readonly terminal: string;
  readonly dayNo: string;
  readonly openedAt: string;
  readonly closedAt: string;
  readonly takenAt: string;
  readonly takenBy: string;
  readonly count: string;
  readonly items: string;
  readonly gross: string;
  readonly discounts: string;
  readonly total: string;
  readonly tax: string;
  readonly amount: string;
  readonly netSales: string;
  readonly rate: string;
  readonly taxable: string;
  readonly cash: string;
  readonly change: string;
  readonly card: string;
  readonly qr: string;
  readonly refundedTo: string;
  readonly noOperator: string;
  readonly returnsOf: string;
  readonly noSaleOpens: string;
  readonly reprints: string;
  readonly overrides: string;
  readonly voids: string;
  readonly lineVoids: string;
  readonly offlineStored: string;
  readonly declinedAfterForwarding: string;
  readonly drawer: string;
  readonly shiftStates: { readonly open: string; readonly closing: string; readonly closed: string };
  readonly float: string;
  readonly paidIn: string;
  readonly paidOut: string;
  readonly drops: string;
  readonly expected: string;
  readonly counted: string;
  readonly shiftVariance: string;
  readonly notCounted: string;
  readonly signOffNote: string;
  readonly approvedBy: string;
  readonly cashVariance: string;
  readonly chainHash: string;
  readonly journalSeq: string;
  /** "Reconciled: 2026-12-05" */
  readonly reconciledDay: (day: string) => string;
  /** "(3 resolved)" */
  readonly resolvedCount: (n: number) => string;
}

const LABELS: Readonly<Record<Locale, ReportLabels>> = {
  'zh-CN': {
    title: { x: 'X 报表', z: 'Z 报表（日结）' },
    reportNo: { x: 'X 报表', z: 'Z 报表编号' },
    sections: {
      header: '报表',
      sales: '销售',
      returns: '退货',
      net: '净销售额',
      taxes: '税额（按税率）',
      tenders: '收款方式',
      cashiers: '收银员',
      counts: '计数',
      offline: '离线卡交易',
      shifts: '班次',
      variance: '现金差异',
      hourly: '分时销售',
      reconciled: '已完成对账',
      chain: '防篡改校验',
    },
    store: '门店',
    csvColumns: ['区块', '项目', '数值'],
    reportType: '报表类型',
    mode: '模式',
    terminal: '终端',
    dayNo: '营业日',
    openedAt: '开始',
    closedAt: '结束',
    takenAt: '打印时间',
    takenBy: '操作人',
    count: '笔数',
    items: '件数',
    gross: '折前金额',
    discounts: '折扣',
    total: '销售合计',
    tax: '税额',
    amount: '金额',
    netSales: '净销售额',
    rate: '税率',
    taxable: '不含税',
    cash: '现金',
    change: '找零',
    card: '银行卡',
    qr: '扫码支付',
    refundedTo: '退款',
    noOperator: '未登录',
    returnsOf: '退货',
    noSaleOpens: '开钱箱（无销售）',
    reprints: '重印',
    overrides: '经理授权',
    voids: '整单作废',
    lineVoids: '删除商品行',
    offlineStored: '未上传',
    declinedAfterForwarding: '上传后被拒',
    drawer: '钱箱',
    shiftStates: { open: '营业中', closing: '清点中', closed: '已结班' },
    float: '备用金',
    paidIn: '存入',
    paidOut: '支出',
    drops: '存入保险箱',
    expected: '应有现金',
    counted: '实点现金',
    shiftVariance: '差异',
    notCounted: '未清点',
    signOffNote: '差异说明',
    approvedBy: '批准人',
    cashVariance: '现金差异合计',
    chainHash: '校验码',
    journalSeq: '日志序号',
    reconciledDay: (day) => `已对账：${day}`,
    resolvedCount: (n) => `（处理差异 ${n} 笔）`,
  },
  en: {
    title: { x: 'X REPORT', z: 'Z REPORT (END OF DAY)' },
    reportNo: { x: 'X report', z: 'Z No.' },
    sections: {
      header: 'Report',
      sales: 'Sales',
      returns: 'Returns',
      net: 'Net sales',
      taxes: 'Taxes by rate',
      tenders: 'Tenders',
      cashiers: 'Cashiers',
      counts: 'Counts',
      offline: 'Offline card payments',
      shifts: 'Shifts',
      variance: 'Cash variance',
      hourly: 'Sales by hour',
      reconciled: 'Reconciliation',
      chain: 'Tamper check',
    },
    store: 'Store',
    csvColumns: ['Section', 'Item', 'Value'],
    reportType: 'Report type',
    mode: 'Mode',
    terminal: 'Terminal',
    dayNo: 'Business day',
    openedAt: 'Opened',
    closedAt: 'Closed',
    takenAt: 'Taken',
    takenBy: 'By',
    count: 'Count',
    items: 'Items',
    gross: 'Gross',
    discounts: 'Discounts',
    total: 'Sales total',
    tax: 'Tax',
    amount: 'Amount',
    netSales: 'Net sales',
    rate: 'Rate',
    taxable: 'Net of tax',
    cash: 'Cash',
    change: 'Change given',
    card: 'Card',
    qr: 'QR',
    refundedTo: 'Refunded',
    noOperator: 'Not signed in',
    returnsOf: 'Returns',
    noSaleOpens: 'No-sale opens',
    reprints: 'Reprints',
    overrides: 'Manager overrides',
    voids: 'Voided carts',
    lineVoids: 'Removed lines',
    offlineStored: 'Not yet forwarded',
    declinedAfterForwarding: 'Declined after forwarding',
    drawer: 'Drawer',
    shiftStates: { open: 'open', closing: 'counting', closed: 'closed' },
    float: 'Float',
    paidIn: 'Paid in',
    paidOut: 'Paid out',
    drops: 'Safe drops',
    expected: 'Expected cash',
    counted: 'Counted cash',
    shiftVariance: 'Variance',
    notCounted: 'not counted',
    signOffNote: 'Variance note',
    approvedBy: 'Approved by',
    cashVariance: 'Total cash variance',
    chainHash: 'Chain hash',
    journalSeq: 'Journal seq',
    reconciledDay: (day) => `Reconciled: ${day}`,
    resolvedCount: (n) => `(${n} resolved)`,
  },
};

export function reportLabels(locale: Locale): ReportLabels {
  return LABELS[locale];
}
