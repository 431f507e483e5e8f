// 简体中文: the staff screen (管理 → 员工) and the approval of a discount over the shop's limit.
import type { staff as en } from '../en/staff';

export const staff: Record<keyof typeof en, string> = {
  'manage.staff': '员工',
  'manage.staffHint': '添加员工、设置密码与角色、停用、解除密码错误锁定',
  'staff.title': '员工',
  'staff.approve':
    '{change, select, list {店长授权：查看员工名单} add {店长授权：添加 {name}} disable {店长授权：停用 {name}} enable {店长授权：启用 {name}} pin {店长授权：为 {name} 设置新密码} role {店长授权：更改 {name} 的角色} unlock {店长授权：解除 {name} 的锁定} other {店长授权}}',
  'staff.code': '编号',
  'staff.name': '姓名',
  'staff.role': '角色',
  'staff.state': '状态',
  'staff.roleName':
    '{role, select, cashier {收银员} supervisor {主管} manager {店长} owner {店主} other {{role}}}',
  'staff.active': '在用',
  'staff.disabled': '已停用',
  'staff.lockedUntil': '锁定至 {time}',
  'staff.failed': '密码错误 {count} 次',
  'staff.lockouts': '连续锁定 {count} 次',
  'staff.add': '添加员工',
  'staff.disable': '停用',
  'staff.enable': '启用',
  'staff.changePin': '新密码',
  'staff.changeRole': '角色',
  'staff.unlock': '解除锁定',
  'staff.addTitle': '添加员工',
  'staff.editTitle': '{kind, select, pin {新密码：{name}} other {新角色：{name}}}',
  'staff.newPin': '新密码',
  'staff.pinAgain': '再次输入新密码',
  'staff.pinHint':
    '至少 {min} 位数字；不能是同一数字重复、1234 或 654321 这类顺序、重复的图案，或操作员编号。',
  'staff.pinMismatch': '两次输入的密码不一致。',
  'staff.incomplete': '请填写所有栏目（密码至少 {min} 位）。',
  'staff.next': '下一步',
  'staff.pinRefused':
    '{reason, select, tooShort {密码太短：该角色至少需要 {min} 位。} sameDigit {同一数字重复的密码太容易被猜到。} sequence {顺序递增或递减的密码太容易被猜到。} repeatedPattern {重复图案的密码太容易被猜到。} operatorCode {密码不能与操作员编号相同。} other {该密码不能使用。}}',
  'staff.conflict':
    '{reason, select, codeTaken {该编号已被占用。} lastManager {本店至少需要一位在用的店长或店主。} hasManager {本店已有店长。} other {无法进行此变更。}}',
  'discountApproval.title': '店长授权：折扣 {discount}',
};
