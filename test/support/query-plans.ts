// Recording every SQL statement the app prepares on its store, and reading each one's query plan: the query-plan
// test (test/main/query-plans.test.ts) runs the till's paths with the recorder on, then fails on any statement
// whose plan walks a whole history table.
import Database from 'better-sqlite3';
import path from 'node:path';

/** Tables that grow with every sale, refund or payment: a full walk of one grows with the shop's history. */
export const HISTORY_TABLES: ReadonlySet<string> = new Set([
  'sales',
  'sale_lines',
  'tenders',
  'journal',
  'outbox',
  'print_jobs',
  'carts',
  'payment_attempts',
  'refunds',
  'refund_lines',
  // one row per business day, shift, cashier and metric; a shift and a Z a day; a sign-in or two a day
  'day_totals',
  'shifts',
  'cash_movements',
  'z_reports',
  'business_days',
  'operator_sessions',
  // every settlement row of every day reconciled, and the items made of them
  'settlement_imports',
  'settlement_rows',
  'recon_items',
  'recon_resolutions',
]);

export interface RecordedStatement {
  /** whitespace-normalised SQL */
  readonly sql: string;
  /** where in main/ it was prepared (file:line), one per distinct call site */
  readonly sources: ReadonlySet<string>;
  /** whether it was run (run/get/all/iterate) while recording, or only prepared */
  readonly ran: boolean;
}

export interface Recorder {
  statements(): RecordedStatement[];
  /** stops recording (restores Database.prototype) */
  stop(): void;
}

export const normalizeSql = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

const REPO = path.resolve(import.meta.dirname, '..', '..');

/** The first stack frame in the app's own code (main/), as repo-relative file:line. */
function appFrame(stack: string | undefined): string {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/)?\/[^()]+?):(\d+):\d+\)?$/.exec(line.trim());
    if (!m?.[1] || m[1].includes('node_modules') || m[1].includes('/test/support/')) continue;
    const file = path.relative(REPO, m[1].replace(/^file:\/\//, ''));
    if (file.startsWith('main/')) return `${file}:${m[2]}`;
  }
  return '(outside main/)';
}

/**
 * Wraps better-sqlite3's prepare and exec so every statement prepared on a connection to `dbFile` is kept
 * with the place in main/ that prepared it. Connections in `ignore` (the test's own) are not recorded.
 */
export function recordStatements(dbFile: string, ignore: WeakSet<Database.Database>): Recorder {
  const target = path.resolve(dbFile);
  const seen = new Map<string, Set<string>>();
  const proto = Database.prototype as unknown as {
    prepare: (this: Database.Database, sql: string) => Database.Statement;
    exec: (this: Database.Database, sql: string) => Database.Database;
  };
  const { prepare, exec } = proto;
  // Statement methods live on one shared prototype; any statement leads to it.
  const scratch = new Database(':memory:');
  const statementProto = Object.getPrototypeOf(scratch.prepare('SELECT 1')) as Record<
    'run' | 'get' | 'all' | 'iterate',
    (this: Database.Statement, ...args: unknown[]) => unknown
  >;
  scratch.close();
  const runners = (['run', 'get', 'all', 'iterate'] as const).map((m) => [m, statementProto[m]] as const);
  const ran = new Set<string>();
  const note = (db: Database.Database, sql: string): void => {
    if (ignore.has(db) || path.resolve(db.name) !== target) return;
    const key = normalizeSql(sql);
    let sources = seen.get(key);
    if (!sources) seen.set(key, (sources = new Set()));
    sources.add(appFrame(new Error().stack));
  };
  proto.prepare = function (this: Database.Database, sql: string) {
    note(this, sql);
    return prepare.call(this, sql);
  };
  proto.exec = function (this: Database.Database, sql: string) {
    note(this, sql);
    return exec.call(this, sql);
  };
  for (const [m, original] of runners) {
    statementProto[m] = function (this: Database.Statement, ...args: unknown[]) {
      if (!ignore.has(this.database) && path.resolve(this.database.name) === target) {
        ran.add(normalizeSql(this.source));
      }
      return original.apply(this, args);
    };
  }
  return {
    statements: () => [...seen].map(([sql, sources]) => ({ sql, sources, ran: ran.has(sql) })),
    stop() {
      proto.prepare = prepare;
      proto.exec = exec;
      for (const [m, original] of runners) statementProto[m] = original;
    },
  };
}

/** Statements whose plan is worth reading: reads and writes of rows (not BEGIN, PRAGMA, DDL). */
export const isDataStatement = (sql: string): boolean =>
  /^(SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH)\b/i.test(sql);

/** Table name for every alias (and name) the statement uses after FROM / JOIN / UPDATE / INTO. */
export function tableAliases(sql: string): Map<string, string> {
  const keywords = new Set([
    'where',
    'join',
    'left',
    'inner',
    'cross',
    'on',
    'order',
    'group',
    'limit',
    'using',
    'set',
    'values',
    'natural',
    'indexed',
    'not',
    'select',
    'union',
    'returning',
    'having',
  ]);
  const out = new Map<string, string>();
  for (const m of sql.matchAll(
    /\b(?:FROM|JOIN|UPDATE|INTO)\s+([A-Za-z_]\w*)(?:\s+(?:AS\s+)?([A-Za-z_]\w*))?/gi,
  )) {
    const table = (m[1] ?? '').toLowerCase();
    out.set(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !keywords.has(alias)) out.set(alias, table);
  }
  return out;
}

/** What to bind so a statement can be planned: NULL for each parameter (plans do not depend on values). */
export function nullParameters(sql: string): unknown[] {
  const bare = sql.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""');
  const positional = (bare.match(/\?(?!\d)/g) ?? []).length;
  const numbered = [...bare.matchAll(/\?(\d+)/g)].reduce((n, m) => Math.max(n, Number(m[1])), 0);
  const named: Record<string, null> = {};
  for (const m of bare.matchAll(/[@:$]([A-Za-z_]\w*)/g)) named[m[1] as string] = null;
  const args: unknown[] = Array.from({ length: Math.max(positional, numbered) }, () => null);
  if (Object.keys(named).length > 0) args.push(named);
  return args;
}

export interface FullScan {
  readonly table: string;
  /** the plan line that walks it, e.g. "SCAN print_jobs" or "SCAN s USING INDEX sales_completed_at" */
  readonly detail: string;
}

/** The history tables `sql` walks in full, read from EXPLAIN QUERY PLAN on `db`. */
export function fullScans(db: Database.Database, sql: string): FullScan[] {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nullParameters(sql)) as { detail: string }[];
  const aliases = tableAliases(sql);
  const out: FullScan[] = [];
  for (const { detail } of plan) {
    // "SCAN t", "SCAN t USING INDEX i", "SCAN t USING COVERING INDEX i": every one visits every row of t.
    // "SEARCH t ..." is bounded by a key; "SCAN CONSTANT ROW" and subquery scans name no table.
    const m = /^SCAN (\w+)(?:\s|$)/.exec(detail);
    if (!m?.[1]) continue;
    const table = aliases.get(m[1].toLowerCase()) ?? m[1].toLowerCase();
    if (HISTORY_TABLES.has(table)) out.push({ table, detail });
  }
  return out;
}
