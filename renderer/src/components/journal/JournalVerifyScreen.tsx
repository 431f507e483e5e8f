// Manage → Verify journal: a supervisor's (or above) approval, then the whole chain walked in a worker thread
// in main, so the till keeps selling; a progress bar while it walks, then the verdict in words.
import { useEffect, useState } from 'react';
import type { BootstrapView, JournalReport, JournalVerifyProgress } from '@contract/contract';
import type { PosError } from '@contract/result';
import { useI18n } from '../../i18n/context';
import { errorMessage } from '../../i18n/errors';
import { TID } from '../../testids';
import { Modal } from '../Modal';
import { CloseButton } from '../DialogButtons';
import { ManagerApproval, isApprovalRefusal } from '../ManagerApproval';
import { JournalVerdict } from './JournalVerdict';
import { onVerifyProgress, verifyJournal } from './journal-calls';

type Phase =
  | { readonly kind: 'asking' }
  | { readonly kind: 'walking'; readonly progress: JournalVerifyProgress }
  | { readonly kind: 'done'; readonly report: JournalReport }
  | { readonly kind: 'failed'; readonly error: PosError };

interface Props {
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly onClose: () => void;
}

export function JournalVerifyScreen({ trainingApprover, onClose }: Props) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'asking' });

  // Progress arrives only once main accepted the approval: the prompt gives way to the bar then.
  useEffect(() => {
    let off: (() => void) | undefined;
    let gone = false;
    void onVerifyProgress((progress) =>
      setPhase((p) => (p.kind === 'done' || p.kind === 'failed' ? p : { kind: 'walking', progress })),
    ).then((unsubscribe) => (gone ? unsubscribe() : (off = unsubscribe)));
    return () => {
      gone = true;
      off?.();
    };
  }, []);

  const walk = async (approval: Parameters<typeof verifyJournal>[0]): Promise<PosError | null> => {
    const r = await verifyJournal(approval);
    if (!r.ok && isApprovalRefusal(r.error)) return r.error; // the prompt stays open for another try
    setPhase(r.ok ? { kind: 'done', report: r.value } : { kind: 'failed', error: r.error });
    return null;
  };

  if (phase.kind === 'asking') {
    return (
      <ManagerApproval
        title={t('journal.approve')}
        trainingApprover={trainingApprover}
        onApprove={walk}
        onDone={() => undefined}
        onCancel={onClose}
      />
    );
  }
  return (
    <Modal title={t('journal.title')} onClose={onClose} testId={TID.journalScreen}>
      {phase.kind === 'walking' && <WalkProgress progress={phase.progress} />}
      {phase.kind === 'done' && <JournalVerdict report={phase.report} />}
      {phase.kind === 'failed' && (
        <p className="field-error" role="alert" data-testid={TID.journalError} data-code={phase.error.code}>
          {t(errorMessage(phase.error).key, errorMessage(phase.error).values)}
        </p>
      )}
      <p className="field-hint">{t('journal.hint')}</p>
      <div className="dialog-buttons">
        {phase.kind !== 'walking' && (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid={TID.journalAgain}
            onClick={() => setPhase({ kind: 'asking' })}
          >
            {t('journal.again')}
          </button>
        )}
        <CloseButton onClose={onClose} />
      </div>
    </Modal>
  );
}

function WalkProgress({ progress }: { readonly progress: JournalVerifyProgress }) {
  const { t } = useI18n();
  const known = progress.total > 0;
  return (
    <div className="journal-progress">
      <p>
        {known ? t('journal.walking', { done: progress.done, total: progress.total }) : t('journal.starting')}
      </p>
      {/* No value until the first count: an indeterminate bar while the worker opens the store. */}
      <progress
        data-testid={TID.journalProgress}
        data-done={progress.done}
        data-total={progress.total}
        max={known ? progress.total : undefined}
        value={known ? progress.done : undefined}
      />
    </div>
  );
}
