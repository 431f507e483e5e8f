// journal.verify: the whole chain walked on demand, approved by a supervisor or above and journalled before it
// runs, in a worker thread on its own read-only connection (verify-job.ts), so the till keeps selling. A second
// request while a walk runs joins it rather than starting another walk of the same file.
import type { JournalReport, JournalVerifyProgress } from '../api/contract/journal';
import type { Handlers } from '../ipc/dispatcher';
import type { ApprovedActionJournal } from '../staff/approved-action';
import type { Approvals } from '../staff/approvals';
import { runJob } from '../workers/run-job';

export interface JournalVerifier {
  run(): Promise<JournalReport>;
  /** Stops a walk in progress (host shutdown); its caller gets INTERNAL "cancelled". */
  stop(): void;
}

export function createJournalVerifier(deps: {
  readonly file: string;
  readonly onProgress: (p: JournalVerifyProgress) => void;
}): JournalVerifier {
  const abort = new AbortController();
  let running: Promise<JournalReport> | null = null;
  return {
    run: () => {
      if (running) return running;
      deps.onProgress({ done: 0, total: 0 });
      const walk = runJob(
        'journal.verify',
        { file: deps.file },
        { signal: abort.signal, onProgress: (done, total) => deps.onProgress({ done, total }) },
      );
      running = walk.finally(() => {
        running = null;
      });
      return running;
    },
    stop: () => abort.abort(),
  };
}

export function journalHandlers(deps: {
  readonly verifier: Pick<JournalVerifier, 'run'>;
  readonly approvals: Approvals;
  readonly journal: ApprovedActionJournal;
}): Pick<Handlers, 'journal.verify'> {
  return {
    'journal.verify': async ({ approval }) => {
      const approver = deps.approvals.approve('journal.verify', approval);
      deps.journal('journal.verify-requested', approver, {});
      return deps.verifier.run();
    },
  };
}
