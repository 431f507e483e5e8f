// Assembles the staff capability: the operators on file and, in training mode, the in-memory demo manager.
import type { PosConfig } from '../config/config';
import type { Database } from '../store/db';
import { createApprovals, type Approvals } from './approvals';
import { createOperatorRepo } from './operator-repo';
import { trainingManager } from './training-staff';

export function createStaff(d: {
  db: Database;
  config: PosConfig;
  now: () => Date;
  newId: () => string;
}): Approvals {
  const { db, now, newId } = d;
  const training = d.config.trainingMode ? { training: trainingManager } : {};
  return createApprovals({ db, operators: createOperatorRepo(db, { now, newId }), now, ...training });
}
