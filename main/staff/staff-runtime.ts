// Assembles the staff capability: the PIN pepper's keeper (a key file, or sealed by the OS key store when the
// shell gives a protector), the PIN hasher, the operators on file, approvals (with training mode's in-memory
// demo manager), the staff screen's directory and, for a till, who is signed in at it (sessions). The pepper
// is read here, at start: a key file others may read stops the start with a clear message rather than the
// first approval.
import type { SignedInStatus } from '../api/contract';
import type { PosConfig } from '../config/config';
import type { Database } from '../store/db';
import { createApprovals, type Approvals } from './approvals';
import type { CartHandoverPort } from './cart-handover';
import { createOperatorRepo, type Operator } from './operator-repo';
import { filePepper, sealedPepper, type KeyProtector } from './pepper';
import { createPinHasher } from './pin-hash';
import { createSessionRepo } from './session-repo';
import { createSessions, type Sessions } from './sessions';
import { loadSignedIn, type SignedInState } from './signed-in';
import { createStaffDirectory, type StaffDirectory } from './staff-directory';
import { trainingManager } from './training-staff';

export interface Staff {
  readonly approvals: Approvals;
  readonly directory: StaffDirectory;
}

/** A till's staff: also who is signed in at it (the command-line tools have no till). */
export interface TillStaff extends Staff {
  readonly sessions: Sessions;
  /** who is signed in: sales and refunds are attributed to them */
  readonly signedIn: SignedInState;
}

export interface Till {
  readonly terminalId: string;
  /** the status bar's "signed in" part, at start and on every change */
  readonly onSignedIn: (s: SignedInStatus | null) => void;
  /** what a change of cashier does to the open cart (provided by sale, which is built after staff) */
  readonly handover?: CartHandoverPort;
}

interface StaffDeps {
  readonly db: Database;
  readonly config: Pick<PosConfig, 'trainingMode'>;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly dataDir: string;
  /** The desktop app's OS key store (HostOptions.pinKeyProtector); absent: a 0600 key file. */
  readonly keyProtector?: KeyProtector | undefined;
}

export function createStaff(d: StaffDeps): Staff;
export function createStaff(d: StaffDeps & { readonly till: Till }): TillStaff;
export function createStaff(d: StaffDeps & { readonly till?: Till }): Staff | TillStaff {
  const { db, now, newId } = d;
  const pepper = d.keyProtector ? sealedPepper(d.dataDir, d.keyProtector) : filePepper(d.dataDir);
  pepper.key();
  const hasher = createPinHasher(pepper);
  const operators = createOperatorRepo(db, { now, newId });
  const demo = d.config.trainingMode ? trainingManager(hasher) : null;
  const training = demo ? { training: demo } : {};
  if (!d.till) {
    const approvals = createApprovals({ db, operators, hasher, now, ...training });
    return { approvals, directory: createStaffDirectory({ db, operators, approvals, hasher, now }) };
  }
  const { terminalId, onSignedIn: onChange } = d.till;
  const repo = createSessionRepo(db);
  const operator = (id: string): Operator | null => (demo?.().id === id ? demo() : operators.byId(id));
  const signedIn = loadSignedIn({ db, repo, terminalId, operator, now, onChange });
  const approvals = createApprovals({ db, operators, hasher, now, ...training, signedIn: signedIn.ref });
  const sessions = createSessions({
    ...{ db, repo, state: signedIn, approvals, terminalId, now, newId },
    handover: d.till.handover,
  });
  const directory = createStaffDirectory({ db, operators, approvals, hasher, now });
  return { approvals, directory, sessions, signedIn };
}
