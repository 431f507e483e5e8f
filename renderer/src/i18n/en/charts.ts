// English: the charts on Manage → Reports (sales by hour, tender mix, refunds and voids by cashier, differences
// by class).
export const charts = {
  'charts.title': 'At a glance',
  'charts.salesByHour': 'Sales by hour',
  'charts.hourAxis': 'Hour',
  'charts.hour': '{hour}:00',
  'charts.sales': 'Sales',
  'charts.tenderMix': 'Tender mix',
  'charts.tender':
    '{kind, select, cash {Cash} card {Card} other {QR}}{brand, select, none {} visa { · Visa} unionpay { · UnionPay} mastercard { · Mastercard} wechat { · WeChat Pay} alipay { · Alipay} other { · {brand}}}',
  'charts.cashierVoids': 'Refunds and voids by cashier',
  'charts.measure':
    '{measure, select, returnsAmount {Returned} returnsCount {Returns} voids {Carts voided} other {Lines voided}}',
  'charts.amountAxis': 'Amount',
  'charts.countAxis': 'Count',
  'charts.nobody': 'Nobody signed in',
  'charts.differences': 'Settlement differences by class',
  'charts.differenceCount': 'Differences',
  'charts.class':
    '{class, select, charged_no_sale {Charged, no sale} sale_no_charge {Sale, not settled} amount_mismatch {Amounts differ} status_mismatch {Status differs} refund_one_side {Refund on one side} declined_after_forward {Declined after forwarding} fee {Fees} other {Other}}',
  'charts.noSales': 'No sales yet.',
  'charts.noTenders': 'Nothing paid yet.',
  'charts.noVoids': 'No refunds or voids.',
  'charts.noDifferences': 'Reconciled {dates}: no differences.',
  'charts.notReconciled': 'Not reconciled yet: {dates}.',
  'charts.reconLoading': 'Reading the reconciliation…',
  'charts.reconFailed': 'The reconciliation could not be read.',
} as const satisfies Record<string, string>;
