// Leaving training mode, crash-safe across a restart. A manager's approved request is written as a marker file
// (go-live.json); the next start, before the store opens, archives the training store whole
// (training-archive/), switches config.json to live, and lets a new store be created; once it is open, the
// staff and the shop's own products are carried over from the archive, the journal records who approved it
// and which archive (with its SHA-256), and the marker goes. Each step checks whether it already happened, so
// a power cut anywhere resumes at the next start. Nothing of training is left in the live store: no training
// sale, no demo product, no journal entry.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PosFailure } from '../api/result';
import { writeFileAtomic } from '../config/config';
import { openDatabase } from '../store/db';
import { STORE_FILE } from '../store/files';
import { readStoreMode } from './store-mode';

export const GO_LIVE_FILE = 'go-live.json';
export const TRAINING_ARCHIVE_DIR = 'training-archive';

const GoLiveSchema = z.strictObject({
  approvedBy: z.strictObject({ operatorId: z.string(), code: z.string(), name: z.string() }),
  requestedAt: z.string(),
  /** set once the training store has been moved aside */
  archive: z.strictObject({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
});
export type GoLiveRequest = z.infer<typeof GoLiveSchema>;

/** Records the approved request; the shell restarts the host, and the next start carries it out. */
export function requestGoLive(dataDir: string, request: Omit<GoLiveRequest, 'archive'>): void {
  writeFileAtomic(path.join(dataDir, GO_LIVE_FILE), JSON.stringify(request, null, 2) + '\n');
}

/** The pending request, or null. A marker that does not parse stops the start: it is a manager's decision. */
export function readGoLive(dataDir: string): GoLiveRequest | null {
  const file = path.join(dataDir, GO_LIVE_FILE);
  if (!fs.existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PosFailure('CONFIG_CORRUPT', `${file} is not valid JSON: ${(e as Error).message}`, { file });
  }
  const parsed = GoLiveSchema.safeParse(raw);
  if (!parsed.success) throw new PosFailure('CONFIG_CORRUPT', `${file} is not a go-live request`, { file });
  return parsed.data;
}

/**
 * Step 1, with no connection open: moves a training store aside (after folding its WAL in) and records where.
 * Does nothing when it already happened (the store in place is new, or already live).
 */
export async function archiveTrainingStore(
  dataDir: string,
  request: GoLiveRequest,
  now: Date,
): Promise<GoLiveRequest> {
  if (request.archive) return request;
  const storeFile = path.join(dataDir, STORE_FILE);
  if (!fs.existsSync(storeFile)) return request;
  const db = openDatabase(storeFile);
  try {
    if (readStoreMode(db) !== 'training') return request;
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const dir = path.join(dataDir, TRAINING_ARCHIVE_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const archived = path.join(dir, `training-${stamp}.sqlite`);
  fs.renameSync(storeFile, archived);
  for (const side of ['-wal', '-shm']) fs.rmSync(storeFile + side, { force: true });
  const next = { ...request, archive: { file: archived, sha256: await sha256File(archived) } };
  writeFileAtomic(path.join(dataDir, GO_LIVE_FILE), JSON.stringify(next, null, 2) + '\n');
  return next;
}

/** Last step: the live store has everything it needs; the request is done. */
export function finishGoLive(dataDir: string): void {
  fs.rmSync(path.join(dataDir, GO_LIVE_FILE), { force: true });
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
