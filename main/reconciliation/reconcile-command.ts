// `npm run reconcile -- --data DIR --day YYYY-MM-DD [--file F --format wechat|alipay|gateway] [--json]
// [--time-zone ZONE]`: support staff reconcile a till's day from its data folder. Without --file the day's
// settlement is fetched from the configured gateway. The day is a calendar day in the shop's business time
// zone (config.json's store.timeZone; --time-zone, or its older short form --tz, overrides it). Exit 0 when
// every item matched, 1 when differences were found, 2 when nothing could be reconciled: unusable arguments,
// an unusable file (its line and reason on stderr), no answer from the gateway.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PosFailure } from '../api/result';
import type { ReconDayView } from '../api/contract/reconciliation';
import { TimeZoneSchema } from '../api/contract/settings';
import { oneOf, required, UsageError } from '../cli/args';
import { loadConfig, type PosConfig } from '../config/config';
import { businessTimeZone } from '../config/time-zone';
import { configuredClient } from '../gateway/connection';
import { STORE_FILE } from '../store/files';
import { openStore } from '../store/open-store';
import { dayWindow } from './day-window';
import { readSettlementFile, type SettlementFormat } from './formats/read';
import { createReconciliation, sha256Of, type Reconciliation } from './reconcile-day';
import type { SettlementRow } from './settlement-row';

export const USAGE =
  'usage: npm run reconcile -- --data DIR --day YYYY-MM-DD [--file F --format wechat|alipay|gateway] [--json] [--time-zone ZONE]';

interface Args {
  readonly dataDir: string;
  readonly day: string;
  readonly file: { path: string; format: SettlementFormat } | null;
  readonly json: boolean;
  /** --time-zone (or --tz); null: config.json's */
  readonly timeZone: string | null;
}

function parse(argv: readonly string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        day: { type: 'string' },
        file: { type: 'string' },
        format: { type: 'string' },
        'time-zone': { type: 'string' },
        tz: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  const dataDir = path.resolve(required('data', v.data));
  if (!fs.existsSync(path.join(dataDir, STORE_FILE))) throw new UsageError(`no till store in ${dataDir}`);
  const day = required('day', v.day);
  if (v['time-zone'] !== undefined && v.tz !== undefined) throw new UsageError('give --time-zone once');
  const zone = v['time-zone'] ?? v.tz;
  const checked = zone === undefined ? null : TimeZoneSchema.safeParse(zone);
  if (checked && !checked.success) throw new UsageError(`--time-zone: ${checked.error.issues[0]?.message}`);
  try {
    dayWindow(day, 'UTC');
  } catch (e) {
    throw new UsageError(`--day: ${(e as Error).message}`);
  }
  const format = oneOf('format', v.format, ['wechat', 'alipay', 'gateway'] as const);
  if ((v.file === undefined) !== (format === undefined))
    throw new UsageError('--file and --format go together');
  const file =
    v.file === undefined || format === undefined
      ? null
      : { path: path.resolve(v.file), format: fileFormat(v.file, format) };
  return { dataDir, day, file, json: v.json, timeZone: zone ?? null };
}

/** The gateway's settlement comes as JSON or CSV: told apart by the file's name. */
function fileFormat(file: string, format: 'wechat' | 'alipay' | 'gateway'): SettlementFormat {
  if (format !== 'gateway') return format;
  return path.extname(file).toLowerCase() === '.json' ? 'gateway-json' : 'gateway-csv';
}

async function fileRows(recon: Reconciliation, a: Args, file: NonNullable<Args['file']>): Promise<number> {
  const { rows } = await readSettlementFile(file.path, file.format);
  const source: SettlementRow['source'] = file.format.startsWith('gateway')
    ? 'gateway'
    : file.format === 'wechat'
      ? 'wechat'
      : 'alipay';
  recon.importRows({
    day: a.day,
    source,
    fileName: path.basename(file.path),
    sha256: sha256Of(fs.readFileSync(file.path)),
    rows,
    importedBy: null,
  });
  return rows.length;
}

async function fetchedRows(recon: Reconciliation, a: Args, config: PosConfig): Promise<number> {
  const now = (): Date => new Date();
  if (!config.gateway)
    throw new UsageError(`no gateway is configured in ${a.dataDir}: give --file and --format`);
  const client = configuredClient({ config, dataDir: a.dataDir, now });
  try {
    const fetched = await recon.fetch(client, a.day);
    if (fetched.kind === 'failed') throw new Error(`the gateway's settlement of ${a.day}: ${fetched.reason}`);
    return fetched.rows;
  } finally {
    client.close();
  }
}

export function dayText(v: ReconDayView, rows: number): string[] {
  const t = v.totals;
  const lines = [
    `${v.day}: ${rows} settlement rows; charged ${t.chargedMinor}, refunded ${t.refundedMinor}, fees ${t.feeMinor}`,
  ];
  for (const i of v.items) {
    if (i.class === 'matched') continue;
    lines.push(`${i.class}\t${i.reference ?? '-'}\tlocal ${i.localMinor}\tsettled ${i.settledMinor}`);
  }
  const matched = v.items.filter((i) => i.class === 'matched').length;
  lines.push(`${matched} matched, ${v.items.length - matched} differences`);
  return lines;
}

/** Runs the command; returns the exit code. Exported so tests drive it without a child process. */
export async function reconcileCli(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let close = (): void => undefined;
  try {
    const a = parse(argv);
    const { db } = await openStore({ dataDir: a.dataDir, now: () => new Date(), log: () => undefined });
    close = () => db.close();
    const config = loadConfig(a.dataDir);
    const timeZone = a.timeZone ?? businessTimeZone(config);
    const recon = createReconciliation({
      db,
      now: () => new Date(),
      newId: randomUUID,
      timeZone,
      training: config.trainingMode,
    });
    const rows = a.file ? await fileRows(recon, a, a.file) : await fetchedRows(recon, a, config);
    const view = recon.reconcile(a.day);
    if (a.json) {
      const items = view.items.map((i) => ({
        class: i.class,
        reference: i.reference,
        localMinor: i.localMinor,
        settledMinor: i.settledMinor,
      }));
      // Only ever added to (support staff's scripts read it): the zone and the breakdown came later.
      const { totals, breakdown } = view;
      out(JSON.stringify({ rows, totals, items, timeZone, breakdown }));
    } else dayText(view, rows).forEach((l) => out(l));
    return view.items.every((i) => i.class === 'matched') ? 0 : 1;
  } catch (e) {
    // Whatever went wrong, nothing was reconciled: never 1, which says differences were found.
    if (e instanceof PosFailure && e.code === 'SETTLEMENT_INVALID') {
      const d = e.detail as { line?: number; reason?: string };
      err(`reconcile: line ${d.line ?? '?'}: ${d.reason ?? ''}: ${e.message}`);
      return 2;
    }
    err(`reconcile: ${e instanceof Error ? e.message : String(e)}`);
    if (e instanceof UsageError) err(USAGE);
    return 2;
  } finally {
    close();
  }
}
