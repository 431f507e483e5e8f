// Training mode sells with zero questions, and a privileged action still needs a manager's PIN: the training
// store has a demo manager whose code and PIN are shown on the approval prompt. It lives only in memory while
// training mode is on, so a shop that leaves training mode keeps no well-known PIN on file.
import type { Operator } from './operator-repo';
import { hashPin } from './pin-hash';

export const TRAINING_MANAGER = { code: '900', name: '培训店长 Training manager', pin: '1234' } as const;

let operator: Operator | null = null;

/** One object per process (hashed on first use): approvals.ts tells it from operators on file by identity. */
export function trainingManager(): Operator {
  operator ??= {
    id: 'training-manager',
    code: TRAINING_MANAGER.code,
    name: TRAINING_MANAGER.name,
    role: 'manager',
    active: true,
    pinHash: hashPin(TRAINING_MANAGER.pin),
    failedAttempts: 0,
    lockedUntil: null,
  };
  return operator;
}
