// Manage → Staff: who may sell and approve. Opening the list takes a manager's approval (codes and lock
// records are not for everyone at the counter); so does every change, each journalled in main with who
// approved it. The list shown is always main's answer to the last approved call.
import { useState } from 'react';
import type { BootstrapView, StaffListView, StaffView } from '@contract/contract';
import type { PosError } from '@contract/result';
import { useI18n } from '../../i18n/context';
import { errorMessage } from '../../i18n/errors';
import type { MessageKey, MessageValues } from '../../i18n/translate';
import { TID } from '../../testids';
import { Modal } from '../Modal';
import { CloseButton } from '../DialogButtons';
import { ManagerApproval, isApprovalRefusal } from '../ManagerApproval';
import { StaffForm, type StaffFormKind } from './StaffForm';
import { StaffTable } from './StaffTable';
import { changeSubject, sendChange, type StaffChange } from './staff-changes';

interface Props {
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly onClose: () => void;
}

/** The staff screen's own wording for refusals of a change; the shared one for anything else. */
function problemText(e: PosError): { key: MessageKey; values: MessageValues } {
  const raw = e.detail?.['reason'];
  // main's reasons are kebab-case ('too-short'); ICU select keys are identifiers ('tooShort').
  const reason = typeof raw === 'string' ? raw.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) : 'other';
  if (e.code === 'PIN_REFUSED') {
    return { key: 'staff.pinRefused', values: { reason, min: Number(e.detail?.['minLength'] ?? 4) } };
  }
  if (e.code === 'STAFF_CONFLICT') return { key: 'staff.conflict', values: { reason } };
  return errorMessage(e);
}

export function StaffScreen({ trainingApprover, onClose }: Props) {
  const { t } = useI18n();
  const [list, setList] = useState<StaffListView | null>(null);
  // What waits for an approval (the list itself first), and the form being filled in.
  const [pending, setPending] = useState<StaffChange | null>({ kind: 'list' });
  const [form, setForm] = useState<{ kind: StaffFormKind; op: StaffView | null } | null>(null);
  const [problem, setProblem] = useState<PosError | null>(null);

  if (pending) {
    return (
      <ManagerApproval
        title={t('staff.approve', { change: pending.kind, name: changeSubject(pending) })}
        trainingApprover={trainingApprover}
        onApprove={async (approval) => {
          const r = await sendChange(pending, approval);
          if (r.ok) {
            setList(r.value);
            setProblem(null);
            return null;
          }
          if (isApprovalRefusal(r.error)) return r.error; // stays open for another try
          setProblem(r.error);
          return null;
        }}
        onDone={() => setPending(null)}
        // Without the list there is nothing to show: cancelling the first approval leaves the screen.
        onCancel={() => (list ? setPending(null) : onClose())}
      />
    );
  }
  if (form) {
    return (
      <StaffForm
        kind={form.kind}
        op={form.op}
        onSubmit={(change) => {
          setForm(null);
          setPending(change);
        }}
        onCancel={() => setForm(null)}
      />
    );
  }
  const shown = problem ? problemText(problem) : null;
  return (
    <Modal title={t('staff.title')} onClose={onClose} testId={TID.staffScreen}>
      {list && (
        <StaffTable
          operators={list.operators}
          onChange={setPending}
          onEdit={(kind, op) => setForm({ kind, op })}
        />
      )}
      {shown && problem && (
        <p className="field-error" role="alert" data-testid={TID.staffError} data-code={problem.code}>
          {t(shown.key, shown.values)}
        </p>
      )}
      <div className="dialog-buttons">
        <button
          type="button"
          className="btn btn-primary"
          data-testid={TID.staffAdd}
          onClick={() => setForm({ kind: 'add', op: null })}
        >
          {t('staff.add')}
        </button>
        <CloseButton onClose={onClose} />
      </div>
    </Modal>
  );
}
