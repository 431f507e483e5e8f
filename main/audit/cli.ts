// `npm run journal -- verify --data DIR [--json]`: support staff's full walk of a till's journal, from the
// genesis, read-only (the till may keep selling). Exit 0 intact, 1 broken (the first break on stdout), 2 when
// the arguments or the store cannot be used (on stderr).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli, UsageError, required } from '../cli/args';
import { openDatabase, type Database } from '../store/db';
import { STORE_FILE } from '../store/files';
import type { JournalReport } from '../api/contract/journal';
import { reportJournal } from './journal-report';

const USAGE = 'usage: npm run journal -- verify --data DIR [--json]';

/** The report in words, one line: what a person reads on stdout. */
export function reportText(r: JournalReport): string {
  if (r.ok) {
    const span = r.first && r.last ? `, #${r.first.seq} ${r.first.at} .. #${r.last.seq} ${r.last.at}` : '';
    return `intact: ${r.entries} entries${span}, head ${r.head}`;
  }
  const what = r.kind === null ? 'missing' : (r.covered ?? `${r.kind} ${r.ref ?? ''}`.trim());
  const when = r.at ?? `between ${r.before?.at ?? 'the start'} and ${r.after?.at ?? 'the end'}`;
  return `broken at entry ${r.seq} (${when}): ${what}: ${r.reason} [${r.cause}]`;
}

function parse(argv: readonly string[]): { file: string; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { data: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const [command, ...rest] = parsed.positionals;
  if (command !== 'verify' || rest.length > 0) throw new UsageError(`unknown command '${command ?? ''}'`);
  const file = path.join(path.resolve(required('data', parsed.values.data)), STORE_FILE);
  if (!fs.existsSync(file)) throw new UsageError(`no till store at ${file}`);
  return { file, json: parsed.values.json };
}

/** Runs the command; returns the exit code. Exported so tests drive it without a child process. */
export function journalCli(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): number {
  let db: Database | undefined;
  try {
    const { file, json } = parse(argv);
    db = openDatabase(file, { readonly: true });
    const report = reportJournal(db);
    out(json ? JSON.stringify(report) : reportText(report));
    return report.ok ? 0 : 1;
  } catch (e) {
    err(`journal: ${e instanceof Error ? e.message : String(e)}`);
    if (e instanceof UsageError) err(USAGE);
    return 2;
  } finally {
    db?.close();
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  runCli(() =>
    Promise.resolve(
      journalCli(
        process.argv.slice(2),
        (l) => console.log(l),
        (l) => console.error(l),
      ),
    ),
  );
}
