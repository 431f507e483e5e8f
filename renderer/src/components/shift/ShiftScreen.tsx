// Manage → Shift: open the drawer's shift with a float counted by denomination, pay in, pay out or drop to the
// safe, close with a BLIND count (the expected figure comes back only after it), and have a manager sign off a
// variance over the shop's limit. Each step is main's (main/shifts/); the screen shows main's last answer.
import { useEffect, useState } from 'react';
import type { BootstrapView, ShiftView } from '@contract/contract';
import type { PosError } from '@contract/result';
import { useI18n } from '../../i18n/context';
import { errorMessage } from '../../i18n/errors';
import { TID } from '../../testids';
import { Modal } from '../Modal';
import { CloseButton } from '../DialogButtons';
import { ManagerApproval, isApprovalRefusal } from '../ManagerApproval';
import { CashCountForm } from './CashCountForm';
import { MovementForm } from './MovementForm';
import { ShiftSummary } from './ShiftSummary';
import { SignOffForm } from './SignOffForm';
import { callAmount, currentShift, sendShiftCall, type ShiftCall } from './shift-calls';

interface Props {
  readonly currency: string;
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly onClose: () => void;
}

type Form = 'float' | 'close' | 'move' | 'signOff';

export function ShiftScreen({ currency, trainingApprover, onClose }: Props) {
  const { t, money } = useI18n();
  /** undefined while loading; the shift shown (a closed one stays shown until the next step) */
  const [shift, setShift] = useState<ShiftView | null | undefined>(undefined);
  const [form, setForm] = useState<Form | null>(null);
  const [approvalFor, setApprovalFor] = useState<ShiftCall | null>(null);
  const [problem, setProblem] = useState<PosError | null>(null);

  useEffect(() => {
    void currentShift().then((r) => (r.ok ? setShift(r.value) : setProblem(r.error)));
  }, []);

  const answered = (r: Awaited<ReturnType<typeof sendShiftCall>>): PosError | null => {
    if (r.ok) {
      setShift(r.value);
      setProblem(null);
      return null;
    }
    if (isApprovalRefusal(r.error)) return r.error; // the approval dialog stays open for another try
    setProblem(r.error);
    return null;
  };
  const send = async (call: ShiftCall): Promise<void> => {
    setForm(null);
    if (call.step === 'signOff') return setApprovalFor(call);
    const r = await sendShiftCall(call);
    if (!r.ok && r.error.code === 'APPROVAL_REQUIRED') return setApprovalFor(call);
    answered(r);
  };

  if (approvalFor) {
    const amount = callAmount(approvalFor);
    return (
      <ManagerApproval
        title={t('shift.approve', { step: approvalFor.step, amount: amount === null ? '' : money(amount) })}
        trainingApprover={trainingApprover}
        onApprove={async (approval) => answered(await sendShiftCall(approvalFor, approval))}
        onDone={() => setApprovalFor(null)}
        onCancel={() => setApprovalFor(null)}
      />
    );
  }
  if (form === 'float' || form === 'close') {
    return (
      <CashCountForm
        purpose={form}
        currency={currency}
        onSubmit={(counts) => void send({ step: form === 'float' ? 'open' : 'close', counts })}
        onCancel={() => setForm(null)}
      />
    );
  }
  if (form === 'move') {
    return <MovementForm currency={currency} onSubmit={(c) => void send(c)} onCancel={() => setForm(null)} />;
  }
  if (form === 'signOff') {
    return (
      <SignOffForm onSubmit={(note) => void send({ step: 'signOff', note })} onCancel={() => setForm(null)} />
    );
  }

  const state = shift?.state ?? 'none';
  const shown = problem ? errorMessage(problem) : null;
  const button = (label: string, testId: string, next: Form) => (
    <button type="button" className="btn btn-primary" data-testid={testId} onClick={() => setForm(next)}>
      {label}
    </button>
  );
  return (
    <Modal title={t('shift.title')} onClose={onClose} testId={TID.shiftScreen} size="wide">
      <p data-testid={TID.shiftState} data-state={state}>
        {t('shift.state', { state })}
      </p>
      {shift && <ShiftSummary shift={shift} />}
      {shown && problem && (
        <p className="field-error" role="alert" data-testid={TID.shiftError} data-code={problem.code}>
          {t(shown.key, shown.values)}
        </p>
      )}
      <div className="dialog-buttons">
        {(state === 'none' || state === 'closed') && button(t('shift.open'), TID.shiftOpen, 'float')}
        {state === 'open' && button(t('shift.move'), TID.shiftMove, 'move')}
        {state === 'open' && button(t('shift.close'), TID.shiftClose, 'close')}
        {state === 'closing' && button(t('shift.signOff'), TID.shiftSignOff, 'signOff')}
        <CloseButton onClose={onClose} />
      </div>
    </Modal>
  );
}
