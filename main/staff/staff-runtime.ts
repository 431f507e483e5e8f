// Assembles the staff capability: the PIN pepper's keeper (a key file, or sealed by the OS key store when the
// shell gives a protector), the PIN hasher, the operators on file, approvals (with training mode's in-memory
// demo manager) and the staff screen's directory. The pepper is read here, at start: a key file others may
// read stops the start with a clear message rather than the first approval.
import type { PosConfig } from '../config/config';
import type { Database } from '../store/db';
import { createApprovals, type Approvals } from './approvals';
import { createOperatorRepo } from './operator-repo';
import { filePepper, sealedPepper, type KeyProtector } from './pepper';
import { createPinHasher } from './pin-hash';
import { createStaffDirectory, type StaffDirectory } from './staff-directory';
import { trainingManager } from './training-staff';

export interface Staff {
  readonly approvals: Approvals;
  readonly directory: StaffDirectory;
}

export function createStaff(d: {
  db: Database;
  config: Pick<PosConfig, 'trainingMode'>;
  now: () => Date;
  newId: () => string;
  dataDir: string;
  /** The desktop app's OS key store (HostOptions.pinKeyProtector); absent: a 0600 key file. */
  keyProtector?: KeyProtector | undefined;
}): Staff {
  const { db, now, newId } = d;
  const pepper = d.keyProtector ? sealedPepper(d.dataDir, d.keyProtector) : filePepper(d.dataDir);
  pepper.key();
  const hasher = createPinHasher(pepper);
  const operators = createOperatorRepo(db, { now, newId });
  const training = d.config.trainingMode ? { training: trainingManager(hasher) } : {};
  const approvals = createApprovals({ db, operators, hasher, now, ...training });
  return { approvals, directory: createStaffDirectory({ db, operators, approvals, hasher, now }) };
}
