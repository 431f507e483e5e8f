// Where training and live are kept apart at start-up. Training sells with a well-known manager PIN, demo goods
// and an in-process sandbox gateway; none of that may ever touch a live shop's sales or a real gateway.
import type { StartupFailure } from '../host-types';
import type { StoreMode } from './store-mode';

export interface ModeFacts {
  /** config.json's trainingMode */
  readonly configTraining: boolean;
  /** the shell's --training / --no-training, if given */
  readonly override: boolean | undefined;
  /** config.json names a real payment gateway (not a plain-http training sandbox on this machine) */
  readonly realGateway: boolean;
  /** what the store holds; null for a new (empty) store */
  readonly storeMode: StoreMode | null;
  /** a manager asked to leave training (main/training/go-live.ts); the training store is archived at this start */
  readonly goLivePending: boolean;
}

export type ModeConflict = Pick<StartupFailure, 'code' | 'message'>;

/** The mode this start runs in, or why it must not start. */
export function decideMode(f: ModeFacts): { training: boolean } | { conflict: ModeConflict } {
  const training = f.override ?? f.configTraining;
  if (training && f.realGateway) {
    return {
      conflict: {
        code: 'TRAINING_WITH_GATEWAY',
        message: 'training mode is on while config.json names a real payment gateway; not starting',
      },
    };
  }
  if (training && (f.storeMode === 'live' || f.goLivePending)) {
    return {
      conflict: {
        code: 'TRAINING_ON_LIVE_STORE',
        message:
          'this data folder holds live sales; training mode cannot run on it (use another --data folder)',
      },
    };
  }
  if (!training && f.storeMode === 'training' && !f.goLivePending) {
    return {
      conflict: {
        code: 'TRAINING_STORE_NOT_LEFT',
        message:
          'config.json says live but the store holds training data; leave training from the settings screen',
      },
    };
  }
  return { training };
}
