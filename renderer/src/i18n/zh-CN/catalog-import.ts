// 简体中文: the catalog import screen (manager's menu → Import catalog).
import type { catalogImport as en } from '../en/catalog-import';

export const catalogImport: Record<keyof typeof en, string> = {
  'import.menu': '导入商品目录',
  'import.menuHint': '从 CSV 文件导入商品和价格（UTF-8、GBK 或 GB18030），需店长批准',
  'import.title': '导入商品目录',
  'import.choose': '选择 CSV 文件',
  'import.hint':
    '列：sku、name、price、tax_category（必填），name_en、unit、barcodes、scale_code、active。店长批准前不会写入任何内容。',
  'import.reading': '正在读取并检查文件…',
  'import.tooLarge': '文件超过 20 MB，请拆分成较小的文件。',
  'import.file': '文件',
  'import.fileFacts': '{name} · {rows, plural, other {# 行商品}}',
  'import.encoding': '编码',
  'import.encodingName':
    '{encoding, select, utf8 {UTF-8} utf8bom {UTF-8（带 BOM）} gbk {GBK（中文 Excel）} gb18030 {GB18030} utf16le {UTF-16 LE} utf16be {UTF-16 BE} other {{encoding}}}',
  'import.changes': '变更',
  'import.counts': '新增 {added, number} · 更新 {changed, number} · 不变 {same, number}',
  'import.errorsTitle':
    '文件中有 {total, plural, other {# 处问题}}（显示 {shown, number} 处）。改正文件之前无法导入。',
  'import.errorLine': '第 {line, number, ::group-off} 行：',
  'import.errorLineColumn': '第 {line, number, ::group-off} 行，{column}：',
  'import.colLine': '行',
  'import.colSku': 'SKU',
  'import.colName': '名称',
  'import.colPrice': '价格',
  'import.colChange': '变更',
  'import.change': '{change, select, new {新增} updated {更新} other {不变}}',
  'import.run': '导入 {rows, plural, other {# 行}}',
  'import.approve': '店长批准：导入 {name}',
  'import.phase':
    '{phase, select, checking {正在检查：{done, number} / {total, number} 行} other {正在写入：{done, number} / {total, number} 个商品}}',
  'import.cancel': '取消导入',
  'import.cancelling': '正在取消…',
  'import.done':
    '已导入：新增 {added, number}，更新 {changed, number}，不变 {same, number}（写入 {written, number} 行）。',
  'import.cancelled':
    '已取消：{total, number} 行中已写入 {written, number} 行（每个商品完整）。再次导入同一文件即可完成。',
} as const;
