// A paid-in, paid-out or safe drop: kind, amount and a reason (main asks for an approval over the threshold).
import { useState } from 'react';
import { CASH_MOVEMENT_KINDS, type CashMovementKind } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { tryParseAmount } from '../../format/parse';
import { TID } from '../../testids';
import { Modal, isEnterInField } from '../Modal';
import { DialogButtons } from '../DialogButtons';
import type { ShiftCall } from './shift-calls';

interface Props {
  readonly currency: string;
  readonly onSubmit: (call: ShiftCall) => void;
  readonly onCancel: () => void;
}

export function MovementForm({ currency, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState<CashMovementKind>('paid_in');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'amount' | 'reason' | null>(null);

  const submit = (): void => {
    const parsed = tryParseAmount(amount, currency);
    if (!parsed.ok || parsed.minor <= 0) return setProblem('amount');
    if (reason.trim() === '') return setProblem('reason');
    onSubmit({ step: 'move', kind, amountMinor: parsed.minor, reason: reason.trim() });
  };
  return (
    <Modal
      title={t('shift.move')}
      onClose={onCancel}
      testId={TID.shiftMoveForm}
      onKey={(e) => {
        if (!isEnterInField(e)) return false;
        submit();
        return true;
      }}
    >
      <label className="field-label">
        {t('shift.moveKind')}
        <select
          className="input"
          data-testid={TID.shiftMoveKind}
          value={kind}
          onChange={(e) => setKind(e.target.value as CashMovementKind)}
        >
          {CASH_MOVEMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t('shift.kind', { kind: k })}
            </option>
          ))}
        </select>
      </label>
      <label className="field-label">
        {t('shift.amount', { currency })}
        <input
          className="input num"
          inputMode="decimal"
          data-testid={TID.shiftMoveAmount}
          aria-invalid={problem === 'amount'}
          autoFocus
          value={amount}
          onChange={(e) => {
            setAmount(e.target.value);
            setProblem(null);
          }}
        />
      </label>
      <label className="field-label">
        {t('shift.reason')}
        <input
          className="input"
          data-testid={TID.shiftMoveReason}
          aria-invalid={problem === 'reason'}
          maxLength={200}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setProblem(null);
          }}
        />
      </label>
      {problem && (
        <p className="field-error" role="alert">
          {t('shift.moveProblem', { problem })}
        </p>
      )}
      <DialogButtons onCancel={onCancel} onOk={submit} okLabel={t('shift.moveOk')} />
    </Modal>
  );
}
