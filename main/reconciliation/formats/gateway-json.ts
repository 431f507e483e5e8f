// The gateway's settlement saved as JSON (the body of GET /v1/settlements/{date}). JSON has no rows to
// stream, so the file is read whole, bounded by a size cap: a busy terminal's day is well under it. A
// syntax error is refused at its line in the file; a bad payment at its index + 1, as its rows are numbered.
import fs from 'node:fs/promises';
import { SettlementSchema } from '../../gateway/protocol/schemas';
import type { SettlementRow, SettlementSummary } from '../settlement-row';
import { settlementRows } from './gateway-rows';
import { refuse } from './refuse';

/** 64 MiB: about 200,000 payments; a day's settlement for one terminal is far smaller. */
export const GATEWAY_JSON_MAX_BYTES = 64 * 1024 * 1024;

function lineOfPosition(text: string, message: string): number {
  const m = /position (\d+)/.exec(message);
  if (!m) return 1;
  return text.slice(0, Number(m[1])).split('\n').length;
}

export async function readGatewayJson(
  path: string,
): Promise<{ rows: SettlementRow[]; summary: SettlementSummary }> {
  const { size } = await fs.stat(path);
  if (size > GATEWAY_JSON_MAX_BYTES)
    throw refuse(1, 'too-large', { bytes: size, max: GATEWAY_JSON_MAX_BYTES });
  const text = (await fs.readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw refuse(lineOfPosition(text, (e as Error).message), 'json');
  }
  if (typeof value !== 'object' || value === null || !('payments' in value) || !('totals' in value)) {
    throw refuse(1, 'unknown-layout');
  }
  const parsed = SettlementSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const index = path[0] === 'payments' && typeof path[1] === 'number' ? path[1] : null;
    const column = String(path[index === null ? 1 : 2] ?? path[0] ?? '');
    const reason = path[0] === 'totals' ? 'summary' : 'field';
    throw refuse(index === null ? 1 : index + 1, reason, { column, found: issue?.message });
  }
  return settlementRows(parsed.data);
}
