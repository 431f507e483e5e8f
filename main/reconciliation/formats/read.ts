// Reading a settlement file in one of the layouts the till knows. `scanSettlementFile` hands each row to a
// callback as it is read and resolves with the file's checked summary (constant memory: for totals or a
// benchmark); `readSettlementFile` collects the rows, and resolves only once the whole file, its summary
// included, has been checked: a caller keeps nothing of a file that is refused (SETTLEMENT_INVALID).
import type { SettlementRow, SettlementSummary } from '../settlement-row';
import { alipayParser } from './alipay';
import { gatewayCsvParser } from './gateway-csv';
import { readGatewayJson } from './gateway-json';
import { fileLines } from './lines';
import type { SettlementParser } from './parser';
import { wechatParser } from './wechat';

export const SETTLEMENT_FORMATS = ['wechat', 'alipay', 'gateway-json', 'gateway-csv'] as const;
export type SettlementFormat = (typeof SETTLEMENT_FORMATS)[number];

export interface SettlementFile {
  readonly rows: SettlementRow[];
  readonly summary: SettlementSummary;
}

const PARSERS: Readonly<Record<Exclude<SettlementFormat, 'gateway-json'>, () => SettlementParser>> = {
  wechat: wechatParser,
  alipay: alipayParser,
  'gateway-csv': gatewayCsvParser,
};

export async function scanSettlementFile(
  path: string,
  format: SettlementFormat,
  onRow: (row: SettlementRow) => void,
): Promise<SettlementSummary> {
  if (format === 'gateway-json') {
    const { rows, summary } = await readGatewayJson(path);
    rows.forEach(onRow);
    return summary;
  }
  const parser = PARSERS[format]();
  let last = 0;
  for await (const { line, text } of fileLines(path, parser.encoding)) {
    last = line;
    for (const row of parser.feed(line, text)) onRow(row);
  }
  return parser.end(last);
}

export async function readSettlementFile(path: string, format: SettlementFormat): Promise<SettlementFile> {
  const rows: SettlementRow[] = [];
  const summary = await scanSettlementFile(path, format, (row) => rows.push(row));
  return { rows, summary };
}
