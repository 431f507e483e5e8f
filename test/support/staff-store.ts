// The staff capability on a real migrated store in a temp folder, with a controllable clock and a PIN hasher
// whose KDF calls are counted (cheap by default; `cost: PIN_KDF` for the real one).
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createApprovals, type Approvals } from '../../main/staff/approvals';
import { createOperatorRepo, type OperatorRepo } from '../../main/staff/operator-repo';
import { filePepper } from '../../main/staff/pepper';
import { createPinHasher, scryptKdf, type KdfCost, type PinHasher } from '../../main/staff/pin-hash';
import { createStaffDirectory, type NewStaff, type StaffDirectory } from '../../main/staff/staff-directory';
import { trainingManager } from '../../main/staff/training-staff';
import { openDatabase, type Database } from '../../main/store/db';
import { migrate } from '../../main/store/migrate';
import { migrations } from '../../main/store/migrations/index';
import { tempDir } from '../main/store/fixtures';

export const CHEAP_KDF: KdfCost = { N: 1024, r: 8, p: 1 };

export interface StaffStore {
  readonly db: Database;
  readonly dataDir: string;
  readonly ops: OperatorRepo;
  readonly hasher: PinHasher;
  readonly approvals: Approvals;
  readonly directory: StaffDirectory;
  /** KDF runs so far */
  kdfCalls(): number;
  /** the clock, in ms since the epoch */
  clock: number;
  journal(kind: string): Record<string, unknown>[];
  add(...staff: NewStaff[]): void;
}

export async function staffStore(
  o: { cost?: KdfCost; training?: boolean; dataDir?: string } = {},
): Promise<StaffStore> {
  const dataDir = o.dataDir ?? tempDir();
  const file = path.join(dataDir, 'pos.sqlite');
  const db = openDatabase(file);
  await migrate(db, { file, backupDir: path.join(dataDir, 'b'), now: () => new Date(), migrations });
  let calls = 0;
  const hasher = createPinHasher(filePepper(dataDir), {
    cost: o.cost ?? CHEAP_KDF,
    kdf: (input, salt, cost) => {
      calls++;
      return scryptKdf(input, salt, cost);
    },
  });
  const time = { clock: Date.parse('2026-03-01T09:00:00Z') };
  const now = (): Date => new Date(time.clock);
  const ops = createOperatorRepo(db, { now, newId: randomUUID });
  const training = o.training ? { training: trainingManager(hasher) } : {};
  const approvals = createApprovals({ db, operators: ops, hasher, now, ...training });
  const directory = createStaffDirectory({ db, operators: ops, approvals, hasher, now });
  return {
    ...{ db, dataDir, ops, hasher, approvals, directory },
    kdfCalls: () => calls,
    get clock() {
      return time.clock;
    },
    set clock(ms: number) {
      time.clock = ms;
    },
    journal: (kind) =>
      (
        db.prepare('SELECT body FROM journal WHERE kind = ? ORDER BY seq').all(kind) as { body: string }[]
      ).map((r) => JSON.parse(r.body) as Record<string, unknown>),
    add: (...staff) => staff.forEach((p) => directory.addFromCommandLine(p)),
  };
}
