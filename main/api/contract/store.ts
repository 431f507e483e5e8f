// Store channels: whole-store checks and backups on demand (manager).
import { z } from 'zod';
import { ApprovalSchema } from './shared';
import { returns, type ChannelDefs } from './define';

/** The last whole-store checks (run daily in the background, and by `store.check`); null: not run yet. */
export interface StoreCheckView {
  readonly database: {
    readonly at: string;
    readonly mode: 'quick' | 'integrity';
    readonly ok: boolean;
    /** SQLite's own words, the first few only. */
    readonly problems: readonly string[];
    readonly ms: number;
  } | null;
  readonly journal: {
    readonly at: string;
    readonly ok: boolean;
    /** entries verified, from the first, when ok */
    readonly entries: number;
    /** the first entry that did not check out */
    readonly brokenAt: number | null;
    readonly reason: string | null;
    readonly ms: number;
  } | null;
}

export interface StoreBackupView {
  /** The backup file's full path. */
  readonly file: string;
  readonly bytes: number;
}

export const storeChannels = {
  /**
   * Checks the whole store now, in a worker thread (selling goes on): `integrity_check` (default) or
   * `quick_check` of the database file, then the journal chain from its first entry. Needs a manager's approval
   * (store.maintenance). Answers when both are done; the status bar shows the verdict too.
   */
  'store.check': {
    input: z.strictObject({ mode: z.enum(['quick', 'integrity']).optional(), approval: ApprovalSchema }),
    output: returns<StoreCheckView>(),
  },
  /** A backup of the store now, into the data folder's backups/, in a worker thread; manager (store.maintenance). */
  'store.backup': {
    input: z.strictObject({ approval: ApprovalSchema }),
    output: returns<StoreBackupView>(),
  },
} as const satisfies ChannelDefs;
