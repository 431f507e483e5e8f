// Fixed words of a day's reconciliation export, per locale: one table for the CSV and the PDF, so the two
// never name a figure differently. Class and action ids stay stable in the CSV; these are their labels.
import type { Locale } from '../../api/contract';
import type { ReconBreakdownRow, ReconClass, ResolutionAction } from '../../api/contract/reconciliation';

export interface ReconLabels {
  readonly title: string;
  readonly training: string;
  readonly sections: {
    readonly summary: string;
    readonly imports: string;
    readonly breakdown: string;
    readonly cash: string;
    readonly differences: string;
    readonly matched: string;
  };
  readonly day: string;
  readonly store: string;
  readonly terminal: string;
  readonly state: string;
  readonly reconciled: string;
  readonly notReconciled: string;
  readonly open: string;
  readonly resolved: string;
  readonly rows: string;
  readonly charged: string;
  readonly refunded: string;
  readonly fees: string;
  readonly source: string;
  readonly file: string;
  readonly fetched: string;
  readonly importedAt: string;
  readonly by: string;
  readonly key: string;
  readonly local: string;
  readonly settled: string;
  readonly difference: string;
  readonly shift: string;
  readonly drawer: string;
  readonly expected: string;
  readonly counted: string;
  readonly notCounted: string;
  readonly classId: string;
  readonly className: string;
  readonly reference: string;
  readonly sale: string;
  readonly actionId: string;
  readonly action: string;
  readonly note: string;
  readonly who: string;
  readonly when: string;
  readonly none: string;
  readonly classes: { readonly [C in ReconClass]: string };
  readonly actions: { readonly [A in ResolutionAction]: string };
  readonly groups: { readonly [G in ReconBreakdownRow['by']]: string };
}

const EN: ReconLabels = {
  title: 'Reconciliation',
  training: 'TRAINING',
  sections: {
    summary: 'Summary',
    imports: 'Settlement imports',
    breakdown: 'Breakdown',
    cash: 'Cash',
    differences: 'Differences',
    matched: 'Matched',
  },
  day: 'Business day',
  store: 'Store',
  terminal: 'Terminal',
  state: 'State',
  reconciled: 'Reconciled',
  notReconciled: 'Not reconciled',
  open: 'Open',
  resolved: 'Resolved',
  rows: 'Settlement rows',
  charged: 'Charged',
  refunded: 'Refunded',
  fees: 'Fees',
  source: 'Source',
  file: 'File',
  fetched: '(fetched from the gateway)',
  importedAt: 'Imported at',
  by: 'By',
  key: 'Group',
  local: 'Local',
  settled: 'Settled',
  difference: 'Difference',
  shift: 'Shift',
  drawer: 'Drawer',
  expected: 'Expected',
  counted: 'Counted',
  notCounted: 'not counted',
  classId: 'Class id',
  className: 'Class',
  reference: 'Reference',
  sale: 'Sale',
  actionId: 'Action id',
  action: 'Action',
  note: 'Note',
  who: 'Resolved by',
  when: 'Resolved at',
  none: 'None',
  classes: {
    matched: 'Matched',
    charged_no_sale: 'Charged, no sale',
    sale_no_charge: 'Sale, not charged',
    amount_mismatch: 'Amount mismatch',
    status_mismatch: 'Status mismatch',
    refund_one_side: 'Refund on one side',
    declined_after_forward: 'Declined after forwarding',
    fee: 'Fee',
  },
  actions: {
    refund_online: 'Refunded online',
    settled_in_cash: 'Settled in cash',
    accept_fee: 'Fee accepted',
    escalate_acquirer: 'Escalated to the acquirer',
    write_off: 'Written off',
  },
  groups: { tender: 'Tender', brand: 'Brand', cashier: 'Cashier', terminal: 'Terminal', day: 'Day' },
};

const ZH: ReconLabels = {
  title: '对账',
  training: '培训模式',
  sections: {
    summary: '概要',
    imports: '结算导入',
    breakdown: '分项',
    cash: '现金',
    differences: '差异',
    matched: '已匹配',
  },
  day: '营业日',
  store: '门店',
  terminal: '终端',
  state: '状态',
  reconciled: '已对平',
  notReconciled: '未对平',
  open: '待处理',
  resolved: '已处理',
  rows: '结算行数',
  charged: '收款',
  refunded: '退款',
  fees: '手续费',
  source: '来源',
  file: '文件',
  fetched: '（从支付网关获取）',
  importedAt: '导入时间',
  by: '维度',
  key: '分组',
  local: '本机',
  settled: '结算',
  difference: '差额',
  shift: '班次',
  drawer: '钱箱',
  expected: '应有',
  counted: '清点',
  notCounted: '未清点',
  classId: '类别代码',
  className: '类别',
  reference: '参考号',
  sale: '销售单',
  actionId: '处理方式代码',
  action: '处理方式',
  note: '备注',
  who: '处理人',
  when: '处理时间',
  none: '无',
  classes: {
    matched: '已匹配',
    charged_no_sale: '已扣款无销售',
    sale_no_charge: '有销售未扣款',
    amount_mismatch: '金额不符',
    status_mismatch: '状态不符',
    refund_one_side: '单边退款',
    declined_after_forward: '转发后被拒',
    fee: '手续费',
  },
  actions: {
    refund_online: '已线上退款',
    settled_in_cash: '已现金结清',
    accept_fee: '接受手续费',
    escalate_acquirer: '已提交收单机构',
    write_off: '核销',
  },
  groups: { tender: '支付方式', brand: '品牌/钱包', cashier: '收银员', terminal: '终端', day: '全天' },
};

export const reconLabels = (locale: Locale): ReconLabels => (locale === 'zh-CN' ? ZH : EN);
