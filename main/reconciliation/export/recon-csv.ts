// A day's reconciliation as CSV: the tables of recon-tables.ts one under another, each under its title row
// and its header row, a blank row between. UTF-8 with a BOM, so Excel opens Chinese labels as Chinese; amounts
// are plain decimals a spreadsheet reads as numbers; class and action ids stay the stable ids, their labels
// beside them; every matched item is listed, for an accountant to tick off.
import { stringify } from 'csv-stringify/sync';
import type { ReconExportData, ReconTable, ReconTableOptions } from './recon-tables';
import { reconTables } from './recon-tables';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is kept as text with a leading
 * apostrophe: a resolution's note is typed by staff, a file name comes from outside. Negative amounts stay numbers.
 */
function safe(cell: string): string {
  if (/^-\d+(\.\d+)?$/.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function tableRecords(t: ReconTable): string[][] {
  return [[t.title], ...(t.columns.length > 0 ? [[...t.columns]] : []), ...t.rows.map((r) => [...r]), []];
}

/** `data` as CSV text (with its BOM). */
export function reconCsv(data: ReconExportData, o: Omit<ReconTableOptions, 'forCsv'>): string {
  const t = reconTables(data, { ...o, forCsv: true });
  const records = [[t.title], [], ...t.tables.flatMap(tableRecords)];
  return stringify(
    records.map((r) => r.map(safe)),
    { bom: true, record_delimiter: 'windows' },
  );
}
