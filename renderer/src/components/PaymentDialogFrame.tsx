// What a card and a QR payment dialog share around their own middle: the amount due, the keys (cash
// instead, Enter in the one field), and the button row. One frame so both dialogs behave alike.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { CASH_INSTEAD_KEY } from '../keys/bindings';
import { TID } from '../testids';
import { Modal, isEnterInField } from './Modal';
import { CloseButton } from './DialogButtons';

interface Props {
  readonly title: string;
  readonly testId: string;
  readonly dueMinor: number;
  readonly onClose: () => void;
  /** Esc's label when it does more than close (e.g. cancels a payment waiting for a card) */
  readonly closeLabel?: string;
  readonly closeDisabled: boolean;
  /** "pay cash instead" is offered (nothing was or may be charged) */
  readonly canCash: boolean;
  readonly onCash: () => void;
  /** the step's own action (its button, and Enter in its field), when it has one */
  readonly primary: { readonly label: string; readonly run: () => void } | null;
  readonly children: ReactNode;
}

export function PaymentDialogFrame(p: Props) {
  const { t, money } = useI18n();
  return (
    <Modal
      title={p.title}
      testId={p.testId}
      onClose={p.onClose}
      onKey={(e) => {
        if (e.key === CASH_INSTEAD_KEY && p.canCash) {
          p.onCash();
          return true;
        }
        if (p.primary && isEnterInField(e)) {
          p.primary.run();
          return true;
        }
        return false;
      }}
    >
      <div className="tender-row">
        <span className="label">{t('tender.due')}</span>
        <span className="amount num" data-testid={TID.cardAmount} data-minor={p.dueMinor}>
          {money(p.dueMinor)}
        </span>
      </div>
      {p.children}
      <div className="dialog-buttons">
        <CloseButton onClose={p.onClose} disabled={p.closeDisabled} label={p.closeLabel} />
        {p.canCash && (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid={TID.paymentCash}
            onClick={p.onCash}
          >
            <kbd>{CASH_INSTEAD_KEY}</kbd> {t('payment.payCash')}
          </button>
        )}
        {p.primary && (
          <button
            type="button"
            className="btn btn-primary"
            data-testid={TID.dialogOk}
            onClick={p.primary.run}
          >
            <kbd>Enter</kbd> {p.primary.label}
          </button>
        )}
      </div>
    </Modal>
  );
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly testId: string;
  readonly inputMode: 'email' | 'numeric';
  readonly maxLength: number;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** what is wrong with the value, or null */
  readonly error: string | null;
}

/** The one field a payment step may ask for (the customer's contact, a payment code), focused on show. */
export function PaymentField(p: FieldProps) {
  return (
    <>
      <label className="field-label" htmlFor={p.id}>
        {p.label}
      </label>
      <input
        id={p.id}
        className={p.inputMode === 'numeric' ? 'input input-large num' : 'input input-large'}
        type="text"
        inputMode={p.inputMode}
        autoComplete="off"
        spellCheck={false}
        maxLength={p.maxLength}
        autoFocus
        data-testid={p.testId}
        value={p.value}
        aria-invalid={p.error !== null}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {p.error !== null && (
        <p className="field-error" role="alert" data-testid={TID.dialogError}>
          {p.error}
        </p>
      )}
    </>
  );
}
