// Training mode sells with zero questions, and a privileged action still needs a manager's PIN: the training
// store has a demo manager whose code and PIN are shown on the approval prompt. It lives only in memory while
// training mode is on, so a shop that leaves training mode keeps no well-known PIN on file (which is also why
// its PIN is exempt from the PIN policy).
import { CLEAR_LOCK } from './lockout';
import type { Operator } from './operator-repo';
import type { PinHasher } from './pin-hash';

/** The operator id the demo manager signs in, sells and approves under (it has no row in operators). */
export const TRAINING_MANAGER_ID = 'training-manager';

export const TRAINING_MANAGER = { code: '900', name: '培训店长 Training manager', pin: '1234' } as const;

/** One object per host (hashed on first use): approvals.ts tells it from operators on file by identity. */
export function trainingManager(hasher: PinHasher): () => Operator {
  let operator: Operator | null = null;
  return () =>
    (operator ??= {
      id: TRAINING_MANAGER_ID,
      code: TRAINING_MANAGER.code,
      name: TRAINING_MANAGER.name,
      role: 'manager',
      active: true,
      pinHash: hasher.hash(TRAINING_MANAGER.pin),
      ...CLEAR_LOCK,
    });
}
