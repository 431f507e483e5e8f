// The journal verification screen's calls to main: the walk (journal.verify, answering the raw Result so the
// screen shows every outcome in place) and its progress events.
import type { Approval, JournalReport, JournalVerifyProgress } from '@contract/contract';
import type { Result } from '@contract/result';
import { getPos } from '../../platform/pos';

export const verifyJournal = async (approval: Approval): Promise<Result<JournalReport>> =>
  (await getPos()).journal.verify({ approval });

/** The walk's progress; main sends a first {0, 0} once the approval is accepted. Returns the unsubscribe. */
export async function onVerifyProgress(listener: (p: JournalVerifyProgress) => void): Promise<() => void> {
  return (await getPos()).on('journalVerify', listener);
}
