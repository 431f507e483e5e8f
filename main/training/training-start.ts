// The start-up half of keeping training and live apart, called by the composition root around opening the
// store: before it, a pending go-live is carried through its file steps; after it, the store's recorded mode
// and the settings are checked against each other (mode-check.ts) and the store's mode recorded.
import { loadConfig } from '../config/config';
import { saveConfig } from '../config/config-store';
import { isSandboxGateway } from '../config/gateway-config';
import type { PosConfig } from '../config/config';
import type { Database } from '../store/db';
import { carryOverFromTraining } from './carry-over-repo';
import { archiveTrainingStore, finishGoLive, readGoLive, type GoLiveRequest } from './go-live';
import { decideMode, type ModeConflict } from './mode-check';
import { holdsAnySale, markStoreMode, readStoreMode } from './store-mode';

/** Before the store opens: a pending go-live moves the training store aside and turns config.json live. */
export async function beforeStoreOpens(dataDir: string, now: Date): Promise<GoLiveRequest | null> {
  const pending = readGoLive(dataDir);
  if (!pending) return null;
  const request = await archiveTrainingStore(dataDir, pending, now);
  const config = loadConfig(dataDir);
  if (config.trainingMode) saveConfig(dataDir, { ...config, trainingMode: false });
  return request;
}

export interface ModeAtStart {
  readonly training: boolean;
  /** a store starting training for the first time: the only kind the demo catalog is seeded into */
  readonly newTrainingStore: boolean;
}

/** A start that would mix training and live; the shell shows its own screen for each code. */
export class ModeConflictError extends Error {
  readonly code: ModeConflict['code'];
  constructor(
    conflict: ModeConflict,
    readonly file: string,
  ) {
    super(conflict.message);
    this.code = conflict.code;
  }
}

/** After the store opens: refuses a mixed start, finishes a go-live, records the store's mode. */
export function afterStoreOpens(
  db: Database,
  o: {
    readonly dataDir: string;
    readonly configFile: string;
    readonly config: PosConfig;
    /** config.json's own trainingMode (before a --training / --no-training flag) */
    readonly fileTraining: boolean;
    /** the store was created at this start */
    readonly isNew: boolean;
    readonly override: boolean | undefined;
    readonly goLive: GoLiveRequest | null;
    readonly now: Date;
  },
): ModeAtStart {
  const recorded = readStoreMode(db);
  // A store from before modes were recorded is what its config.json says (not a flag): recorded at this
  // start, so --training on a live shop's folder is refused from its first start on this version. Reading
  // the file, not the sales, keeps start-up free of any scan of the history.
  const storeMode = recorded ?? (o.isNew ? null : o.fileTraining ? 'training' : 'live');
  const decided = decideMode({
    configTraining: o.config.trainingMode,
    override: o.override,
    realGateway: o.config.gateway !== undefined && !isSandboxGateway(o.config.gateway),
    storeMode,
    goLivePending: o.goLive !== null,
  });
  if ('conflict' in decided) throw new ModeConflictError(decided.conflict, o.configFile);
  if (o.goLive) {
    carryOverFromTraining(db, o.goLive, o.now);
    finishGoLive(o.dataDir);
  }
  const mode = decided.training ? 'training' : 'live';
  if (readStoreMode(db) !== mode) markStoreMode(db, mode);
  // New: created now, or made before its first start (the staff CLI's first manager) and never sold from.
  const fresh = recorded === null && (o.isNew || !holdsAnySale(db));
  return { training: decided.training, newTrainingStore: decided.training && fresh };
}
