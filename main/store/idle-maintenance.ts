// Housekeeping that must never run inside a sale: WAL checkpoints, and retention batches (finished print jobs,
// sent outbox rows, old cart bodies). It waits until the till has been idle for a moment, then does one small
// bounded batch at a time, yielding to the event loop between batches, so a scan that arrives meanwhile waits
// for at most one batch (a few ms). The checkpoint itself runs in a worker thread (checkpoint-job.ts).
// See docs/decisions/0014-history-that-stays-fast.md.
import type { Logger } from '../../native/log/logger';
import fs from 'node:fs';
import type { Database } from './db';

/** One bounded step of retention work; returns how many rows it changed (0: nothing left for now). */
export interface MaintenanceTask {
  readonly name: string;
  step(now: Date): number;
}

const DAY_MS = 86_400_000;
const RETENTION_BATCH = 200;

/**
 * A task that deletes, a batch at a time, rows finished more than `days` ago: `prune(beforeIso, limit)` deletes
 * up to `limit` of them, oldest first, and says how many went.
 */
export function retentionTask(
  name: string,
  days: number,
  prune: (beforeIso: string, limit: number) => number,
): MaintenanceTask {
  return {
    name,
    step: (now) => prune(new Date(now.getTime() - days * DAY_MS).toISOString(), RETENTION_BATCH),
  };
}

export interface IdleMaintenanceOptions {
  readonly db: Database;
  readonly file: string;
  readonly tasks: readonly MaintenanceTask[];
  /** Runs the checkpoint off the main thread; resolves with the WAL frames still not copied. */
  readonly checkpoint: () => Promise<{ walFrames: number; checkpointed: number; busy: boolean }>;
  readonly now: () => Date;
  readonly log: Logger;
  /** quiet time before housekeeping starts (default 1.5 s) */
  readonly idleMs?: number;
  /** a WAL larger than this is checkpointed even while the till is busy (default 64 MiB) */
  readonly walBoundBytes?: number;
  /** how often to look (default 1 s) */
  readonly tickMs?: number;
}

export interface IdleMaintenance {
  /** The till did something (an IPC call): housekeeping waits for the next quiet moment. */
  touch(): void;
  /** One round now, whatever the idle state (tests, and the stop before a backup). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startIdleMaintenance(o: IdleMaintenanceOptions): IdleMaintenance {
  const idleMs = o.idleMs ?? 1_500;
  const walBound = o.walBoundBytes ?? 64 * 1024 * 1024;
  // Checkpoints are ours now: SQLite's automatic one runs inside whichever commit crosses 1,000 frames, which
  // is a sale the cashier waits on (the commit's p99). If the worker cannot checkpoint, the automatic one
  // comes back rather than letting the WAL grow without bound.
  o.db.pragma('wal_autocheckpoint = 0');
  // After a checkpoint the WAL is rewritten from its start; this trims a file a busy hour grew.
  o.db.pragma(`journal_size_limit = ${16 * 1024 * 1024}`);

  let lastActivity = Date.now();
  // The WAL's mtime when the last complete checkpoint began: a later write changes it. (A checkpoint writes the
  // database file and the -shm index, never the WAL, so reads and checkpoints leave it alone.)
  let checkpointedAt = -1;
  let running: Promise<void> | null = null;
  let stopped = false;
  let exhausted = new Set<string>();

  const wal = (): fs.Stats | undefined => fs.statSync(`${o.file}-wal`, { throwIfNoEntry: false });
  const walBytes = (): number => wal()?.size ?? 0;
  const dirty = (): boolean => {
    const w = wal();
    return w !== undefined && w.size > 0 && w.mtimeMs !== checkpointedAt;
  };

  const checkpoint = async (): Promise<void> => {
    const mtime = wal()?.mtimeMs ?? -1;
    try {
      const r = await o.checkpoint();
      if (!r.busy && r.checkpointed >= r.walFrames) checkpointedAt = mtime;
    } catch (e) {
      o.db.pragma('wal_autocheckpoint = 1000');
      o.log('error', 'the idle checkpoint failed; SQLite checkpoints on its own again', {
        error: (e as Error).message,
      });
      stopped = true;
    }
  };

  const idle = (): boolean => Date.now() - lastActivity >= idleMs;

  const round = async (force: boolean): Promise<void> => {
    if (dirty()) await checkpoint();
    for (const task of o.tasks) {
      if (exhausted.has(task.name) && !force) continue;
      // One batch, then back to the event loop; stop as soon as the till is busy again.
      for (;;) {
        if (stopped || !o.db.open || (!force && !idle())) return;
        if (o.db.inTransaction) return;
        let changed: number;
        try {
          changed = task.step(o.now());
        } catch (e) {
          o.log('warn', 'housekeeping step failed; retried later', {
            task: task.name,
            error: (e as Error).message,
          });
          break;
        }
        if (changed === 0) {
          exhausted.add(task.name);
          break;
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    if (dirty() && (force || idle())) await checkpoint();
  };

  const run = (force: boolean): Promise<void> => {
    if (running) return running;
    running = round(force).finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => {
    if (stopped || running) return;
    if (idle() ? dirty() || exhausted.size < o.tasks.length : walBytes() > walBound) void run(false);
  }, o.tickMs ?? 1_000);
  timer.unref();
  // Retention work becomes due as time passes: look again every so often even if nothing was written.
  const rearm = setInterval(() => {
    exhausted = new Set();
  }, 10 * 60_000);
  rearm.unref();

  return {
    touch() {
      lastActivity = Date.now();
      // What the till just did may have made work for any task (new journal entries to vouch for, segments
      // to merge): each gets another look at the next quiet moment. A task with nothing to do costs one probe.
      exhausted.clear();
    },
    runOnce: () => run(true),
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(rearm);
      await running;
    },
  };
}
