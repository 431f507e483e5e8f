// Journal verification on demand (main/audit/): the whole hash chain walked from its first entry in a worker
// thread (selling goes on), answered with the first break told in full, or the intact chain. Supervisor and up
// (journal.verify); `journalVerify` events report progress. The same report is what `npm run journal -- verify
// --json` prints.
import { z } from 'zod';
import { ApprovalSchema } from './shared';
import { carries, returns, type ChannelDefs, type EventDefs } from './define';

/**
 * Why the chain broke: a gap in seq, seq out of order, the previous hash not matching, the entry's own hash not
 * matching, a body that does not parse, the walk's starting entry changed, the stored head not matching.
 */
export const JOURNAL_BREAK_CAUSES = ['gap', 'order', 'prev_hash', 'hash', 'body', 'anchor', 'head'] as const;
export type JournalBreakCause = (typeof JOURNAL_BREAK_CAUSES)[number];

export interface JournalEntryPoint {
  readonly seq: number;
  /** ISO-8601 instant the entry records. */
  readonly at: string;
}

export interface JournalIntact {
  readonly ok: true;
  readonly entries: number;
  /** The last entry's hash (the genesis hash when empty). */
  readonly head: string;
  readonly first: JournalEntryPoint | null;
  readonly last: JournalEntryPoint | null;
}

export interface JournalBreak {
  readonly ok: false;
  /** The first entry that does not check out. */
  readonly seq: number;
  readonly cause: JournalBreakCause;
  /** In English, for logs and the command line; the screen words it from `cause`. */
  readonly reason: string;
  /** The broken entry itself; null when it is missing (a gap, or cut from the end). */
  readonly at: string | null;
  readonly kind: string | null;
  readonly ref: string | null;
  /** What the entry recorded, e.g. "sale.completed T01-000123, total 35.00"; null: missing or unreadable. */
  readonly covered: string | null;
  /** The nearest entries before and after `seq` that are there: they date a missing entry. */
  readonly before: JournalEntryPoint | null;
  readonly after: JournalEntryPoint | null;
}

export type JournalReport = JournalIntact | JournalBreak;

export interface JournalVerifyProgress {
  readonly done: number;
  readonly total: number;
}

export const journalChannels = {
  /** Walks the whole chain now; approved by a supervisor or above (journal.verify) and journalled. */
  'journal.verify': {
    input: z.strictObject({ approval: ApprovalSchema }),
    output: returns<JournalReport>(),
  },
} as const satisfies ChannelDefs;

export const journalEvents = {
  /** Entries walked so far, of how many (every 10,000 entries). */
  journalVerify: carries<JournalVerifyProgress>(),
} as const satisfies EventDefs;
