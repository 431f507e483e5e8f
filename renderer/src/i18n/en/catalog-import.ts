// English: the catalog import screen (manager's menu → Import catalog).
export const catalogImport = {
  'import.menu': 'Import catalog',
  'import.menuHint': 'Products and prices from a CSV file (UTF-8, GBK or GB18030), approved by a manager',
  'import.title': 'Import catalog',
  'import.choose': 'Choose a CSV file',
  'import.hint':
    'Columns: sku, name, price, tax_category (required), name_en, unit, barcodes, scale_code, active. Nothing is written until a manager approves.',
  'import.reading': 'Reading and checking the file…',
  'import.tooLarge': 'The file is larger than 20 MB. Split it into smaller files.',
  'import.file': 'File',
  'import.fileFacts': '{name} · {rows, plural, one {# product row} other {# product rows}}',
  'import.encoding': 'Encoding',
  'import.encodingName':
    '{encoding, select, utf8 {UTF-8} utf8bom {UTF-8 (with BOM)} gbk {GBK (Chinese Excel)} gb18030 {GB18030} utf16le {UTF-16 LE} utf16be {UTF-16 BE} other {{encoding}}}',
  'import.changes': 'Changes',
  'import.counts': '{added, number} new · {changed, number} updated · {same, number} unchanged',
  'import.errorsTitle':
    '{total, plural, one {# problem} other {# problems}} in the file (showing {shown, number}). Nothing can be imported until the file is corrected.',
  'import.errorLine': 'Line {line, number, ::group-off}:',
  'import.errorLineColumn': 'Line {line, number, ::group-off}, {column}:',
  'import.colLine': 'Line',
  'import.colSku': 'SKU',
  'import.colName': 'Name',
  'import.colPrice': 'Price',
  'import.colChange': 'Change',
  'import.change': '{change, select, new {New} updated {Updated} other {Unchanged}}',
  'import.run': 'Import {rows, plural, one {# row} other {# rows}}',
  'import.approve': 'Manager approval: import {name}',
  'import.phase':
    '{phase, select, checking {Checking rows: {done, number} of {total, number}} other {Writing products: {done, number} of {total, number}}}',
  'import.cancel': 'Cancel import',
  'import.cancelling': 'Cancelling…',
  'import.done':
    'Imported: {added, number} new, {changed, number} updated, {same, number} unchanged ({written, number} rows written).',
  'import.cancelled':
    'Cancelled: {written, number} of {total, number} rows were written (each product whole). Import the same file again to complete it.',
} as const satisfies Record<string, string>;
