// 简体中文：管理 → 校验日志（逐条校验整个审计日志，报告第一处断裂或完整无损）。
import type { journal as en } from '../en/journal';

export const journal: Record<keyof typeof en, string> = {
  'manage.journal': '校验日志',
  'manage.journalHint': '逐条校验整个审计日志，显示第一条校验不通过的记录',
  'journal.title': '校验日志',
  'journal.approve': '授权：校验整个日志',
  'journal.starting': '正在开始校验…',
  'journal.walking': '已校验 {done, number} / {total, number} 条…',
  'journal.intact': '完整：共 {entries, number} 条，从 {first} 到 {last}。没有记录被修改或删除。',
  'journal.empty': '完整：日志中还没有记录。',
  'journal.head': '最后哈希：{head}',
  'journal.broken': '第 {seq} 条记录处断裂',
  'journal.when': '记录时间：{at}',
  'journal.whenMissing': '该记录已缺失；它位于 {before} 与 {after} 之间',
  'journal.covered': '其内容：{covered}',
  'journal.coveredUnreadable': '这是一条 {kind} 记录，其内容无法读取',
  'journal.cause':
    '{cause, select, gap {缺少一条记录：序号在此处跳号。} order {记录顺序在此处错乱。} prev_hash {此记录与上一条记录的链接不符。} hash {此记录已被修改：内容与哈希不符。} body {此记录的内容已损坏。} anchor {校验起点的记录已被修改。} other {日志的末条标记与最后一条记录不符。}}',
  'journal.again': '重新校验',
  'journal.hint': '校验在后台进行：收银台可照常销售。',
};
