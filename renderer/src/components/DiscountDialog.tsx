import { useState } from 'react';
import type { Approval, BootstrapView, Discount } from '@contract/contract';
import { formatMajor } from '@contract/money';
import { useI18n } from '../i18n/context';
import { parseDiscount } from '../format/parse';
import { TID } from '../testids';
import { DecimalField } from './DecimalField';
import { Modal, isEnterInField } from './Modal';
import { DialogButtons } from './DialogButtons';
import { ManagerApproval } from './ManagerApproval';
import type { DiscountAnswer } from '../app/actions';

interface Props {
  /** the line's product name, or null for the order discount */
  readonly lineName: string | null;
  readonly current: Discount | null;
  /** Over the shop's limit the answer is 'approval': the dialog asks for a manager and sends it again. */
  readonly onSubmit: (discount: Discount | null, approval?: Approval) => Promise<DiscountAnswer>;
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly onClose: () => void;
}

function initialText(d: Discount | null, currency: string): string {
  if (!d) return '';
  if (d.kind === 'amount') return formatMajor(d.minor, currency);
  return `${Math.floor(d.bp / 100)}${d.bp % 100 ? `.${String(d.bp % 100).padStart(2, '0')}` : ''}`;
}

/** Amount or percent. Typing "10%" picks percent whatever the toggle says: fastest from the keyboard. */
export function DiscountDialog({ lineName, current, onSubmit, trainingApprover, onClose }: Props) {
  const { t, currency } = useI18n();
  const [mode, setMode] = useState<'amount' | 'percent'>(current?.kind ?? 'amount');
  const [text, setText] = useState(initialText(current, currency));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A discount over the limit, waiting for a manager's approval (the approval dialog sends it again).
  const [approving, setApproving] = useState<Discount | null>(null);

  const send = async (discount: Discount | null): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const answer = await onSubmit(discount);
    setBusy(false);
    if (answer === 'saved') onClose();
    else if (answer === 'approval' && discount) setApproving(discount);
  };

  if (approving) {
    return (
      <ManagerApproval
        title={t('discountApproval.title', {
          discount:
            approving.kind === 'percent' ? `${approving.bp / 100}%` : formatMajor(approving.minor, currency),
        })}
        trainingApprover={trainingApprover}
        onApprove={async (approval) => {
          const answer = await onSubmit(approving, approval);
          return typeof answer === 'object' ? answer : null; // a refusal stays on screen for another try
        }}
        onDone={onClose}
        onCancel={() => setApproving(null)}
      />
    );
  }

  const submit = (): void => {
    // An empty field on an existing discount means "take it off".
    if (text.trim() === '') return void (current ? send(null) : setProblem('empty'));
    const parsed = parseDiscount(text, mode, currency);
    if (!parsed.ok) return setProblem(parsed.reason);
    void send(parsed.discount);
  };

  const modeButton = (m: 'amount' | 'percent', testId: string) => (
    <button
      type="button"
      className={`btn btn-toggle${mode === m ? ' on' : ''}`}
      aria-pressed={mode === m}
      data-testid={testId}
      onClick={() => setMode(m)}
    >
      {t(m === 'amount' ? 'discount.amount' : 'discount.percent')}
    </button>
  );

  return (
    <Modal
      title={lineName === null ? t('discount.titleOrder') : t('discount.titleLine', { name: lineName })}
      onClose={onClose}
      testId={TID.discountDialog}
      onKey={(e) => {
        if (!isEnterInField(e)) return false;
        submit();
        return true;
      }}
    >
      <div className="toggle-group" role="group" aria-label={t('discount.kind')}>
        {modeButton('amount', TID.discountModeAmount)}
        {modeButton('percent', TID.discountModePercent)}
      </div>
      <DecimalField
        id="discount-input"
        label={t(mode === 'amount' ? 'discount.labelAmount' : 'discount.labelPercent')}
        testId={TID.discountInput}
        value={text}
        error={
          problem === null
            ? null
            : problem === 'percent'
              ? t('discount.invalidPercent')
              : t('amount.invalid', { reason: problem })
        }
        onChange={(v) => {
          setText(v);
          setProblem(null);
        }}
      />
      <p className="field-hint">{t('discount.hint')}</p>
      {current && (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          data-testid={TID.discountRemove}
          disabled={busy}
          onClick={() => void send(null)}
        >
          {t('discount.remove')}
        </button>
      )}
      <DialogButtons onCancel={onClose} onOk={submit} okDisabled={busy} />
    </Modal>
  );
}
