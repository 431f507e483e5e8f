// 简体中文：管理 → 班次（清点备用金开班、现金存取、盲点结班、差异签核）。
import type { shift as en } from '../en/shift';

export const shift: Record<keyof typeof en, string> = {
  'manage.shift': '班次与现金',
  'manage.shiftHint': '清点备用金开班、存入或取出现金、存入保险柜、盲点结班',
  'shift.title': '班次与现金',
  'shift.state':
    '{state, select, open {班次进行中。} closing {已清点：等待经理签核。} closed {班次已结束。} other {此钱箱没有开着的班次。}}',
  'shift.open': '开班',
  'shift.move': '现金存取',
  'shift.close': '结班',
  'shift.signOff': '签核',
  'shift.float': '备用金',
  'shift.movements': '现金存取记录',
  'shift.noMovements': '尚无现金存取。',
  'shift.kind': '{kind, select, paid_in {存入} paid_out {支出} drop {存入保险柜} other {现金存取}}',
  'shift.approvedBy': '授权人：{name}',
  'shift.countTitle': '{purpose, select, float {清点备用金} other {盲点}}',
  'shift.countHint':
    '{purpose, select, float {清点放入钱箱的纸币和硬币。} other {清点钱箱中的全部现金。清点后才显示应有金额。}}',
  'shift.denomination': '{kind, select, note {{value} 纸币} other {{value} 硬币}}',
  'shift.countTotal': '已清点：{amount}',
  'shift.countInvalid': '数量须为整数。',
  'shift.countOk': '{purpose, select, float {开班} other {提交清点}}',
  'shift.moveKind': '类型',
  'shift.amount': '金额（{currency}）',
  'shift.reason': '原因',
  'shift.moveProblem': '{problem, select, amount {请输入大于零的金额。} other {请填写原因。}}',
  'shift.moveOk': '记录',
  'shift.part':
    '{part, select, floatMinor {备用金} cashReceivedMinor {收取现金} changeGivenMinor {找零} cashRefundsMinor {现金退款} paidInMinor {存入} paidOutMinor {支出} other {存入保险柜}}',
  'shift.expected': '应有',
  'shift.counted': '实点',
  'shift.variance': '差异',
  'shift.needsSignOff': '差异超过限额：需经理填写说明并签核。',
  'shift.signedOff': '{name} 已签核：{note}',
  'shift.note': '说明',
  'shift.approve':
    '{step, select, open {授权：大额备用金} move {授权：现金存取 {amount}} other {经理签核差异}}',
  'shift.requiredTitle': '请先开班再销售',
  'shift.requiredBody': '此钱箱没有开着的班次。请清点备用金并开班，然后重新扫码。',
  'shift.requiredOpen': '打开班次页面',
};
