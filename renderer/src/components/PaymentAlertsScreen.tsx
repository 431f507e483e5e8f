// The manager's payment alerts (Shift+F1, or the status bar badge): unknown outcomes, declines after
// forwarding, expired and stored payments (payment.recovery). "Check now" looks an unknown one up;
// "Acknowledge" records, behind a manager's approval, that a decline after forwarding or an expired payment
// has been dealt with. Refreshed whenever main pushes a payment event.
import { useCallback, useEffect, useState } from 'react';
import type { BootstrapView, PaymentView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import type { Actions } from '../app/actions';
import { RECOVERY_ACK_KEY, RECOVERY_CHECK_KEY } from '../keys/bindings';
import { cardLabel } from '../format/card';
import { TID } from '../testids';
import { Modal } from './Modal';
import { ManagerApproval } from './ManagerApproval';

type AlertActions = Pick<
  Actions,
  'paymentRecovery' | 'resolvePayment' | 'acknowledgePayment' | 'onPayment' | 'notify'
>;

interface Props {
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly actions: AlertActions;
  readonly onClose: () => void;
}

/** What main can follow up now: an unknown outcome, or a QR payment still waiting or being reversed. */
const canCheck = (p: PaymentView): boolean =>
  p.state === 'unknown' ||
  p.state === 'forward_unknown' ||
  (p.kind === 'qr' && (p.state === 'user_paying' || p.state === 'reversing'));
const canAcknowledge = (p: PaymentView): boolean =>
  (p.state === 'forward_declined' || p.state === 'expired') && !p.acknowledged;

/** The recovery list, re-read on every pushed payment event. null while loading. */
function useRecovery(actions: AlertActions): { rows: readonly PaymentView[] | null; reload: () => void } {
  const [rows, setRows] = useState<readonly PaymentView[] | null>(null);
  const reload = useCallback(() => {
    void actions.paymentRecovery().then((r) => r && setRows(r));
  }, [actions]);
  useEffect(() => {
    reload();
    return actions.onPayment(reload);
  }, [actions, reload]);
  return { rows, reload };
}

export function PaymentAlertsScreen({ trainingApprover, actions, onClose }: Props) {
  const { t, money } = useI18n();
  const { rows, reload } = useRecovery(actions);
  const [picked, setPicked] = useState<string | null>(null);
  const [approving, setApproving] = useState<PaymentView | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const list = rows ?? [];
  const selected = list.find((r) => r.attemptId === picked) ?? list[0] ?? null;

  const move = (delta: number): void => {
    const at = list.findIndex((r) => r.attemptId === selected?.attemptId);
    const next = list[Math.min(list.length - 1, Math.max(0, at + delta))];
    if (next) setPicked(next.attemptId);
  };
  const check = async (p: PaymentView): Promise<void> => {
    if (!canCheck(p) || checking) return;
    setChecking(p.attemptId);
    const r = await actions.resolvePayment(p.attemptId);
    setChecking(null);
    if (!r.ok && r.error.code !== 'PAYMENT_DECLINED') actions.notify('payment.checkFailed', {}, 'error');
    else actions.notify('recovery.checked', { outcome: r.ok ? r.value.outcome : 'declined' });
    reload();
  };
  const acknowledge = (p: PaymentView): void => {
    if (canAcknowledge(p)) setApproving(p);
  };

  return (
    <>
      <div inert={approving !== null}>
        <Modal
          title={t('recovery.title')}
          size="wide"
          testId={TID.recoveryScreen}
          onClose={onClose}
          onKey={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') move(e.key === 'ArrowDown' ? 1 : -1);
            else if (e.key === RECOVERY_CHECK_KEY && selected) void check(selected);
            else if (e.key === RECOVERY_ACK_KEY && selected) acknowledge(selected);
            else return false;
            return true;
          }}
        >
          {list.length === 0 ? (
            <p className="field-hint" data-testid={TID.recoveryEmpty}>
              {t(rows === null ? 'history.loading' : 'recovery.empty')}
            </p>
          ) : (
            <ul className="recovery-rows" role="listbox" aria-label={t('recovery.title')}>
              {list.map((p) => (
                <RecoveryRow
                  key={p.attemptId}
                  payment={p}
                  selected={p.attemptId === selected?.attemptId}
                  checking={checking === p.attemptId}
                  onSelect={() => setPicked(p.attemptId)}
                  onCheck={() => void check(p)}
                  onAcknowledge={() => acknowledge(p)}
                />
              ))}
            </ul>
          )}
          <p className="field-hint">
            {t('recovery.keys', { checkKey: RECOVERY_CHECK_KEY, ackKey: RECOVERY_ACK_KEY })}
          </p>
          <div className="dialog-buttons">
            <button
              type="button"
              className="btn btn-secondary"
              data-testid={TID.dialogCancel}
              onClick={onClose}
            >
              <kbd>Esc</kbd> {t('dialog.close')}
            </button>
          </div>
        </Modal>
      </div>
      {approving && (
        <ManagerApproval
          title={t('approval.titleAcknowledge', { amount: money(approving.amountMinor) })}
          trainingApprover={trainingApprover}
          onApprove={actions.acknowledgePayment(approving.attemptId)}
          onDone={() => {
            setApproving(null);
            reload();
          }}
          onCancel={() => setApproving(null)}
        />
      )}
    </>
  );
}

interface RowProps {
  readonly payment: PaymentView;
  readonly selected: boolean;
  readonly checking: boolean;
  readonly onSelect: () => void;
  readonly onCheck: () => void;
  readonly onAcknowledge: () => void;
}

/** One payment: state, amount, card, when, the gateway's message, the forward deadline, and its action. */
function RecoveryRow({ payment: p, selected, checking, onSelect, onCheck, onAcknowledge }: RowProps) {
  const { t, money, locale } = useI18n();
  const when = (iso: string | null): string =>
    iso === null
      ? '—'
      : new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const card =
    p.kind === 'qr' ? t('payment.scheme', { scheme: p.qrScheme ?? 'other' }) : cardLabel(p.brand, p.last4);
  return (
    <li
      className={`recovery-row${selected ? ' selected' : ''}`}
      role="option"
      aria-selected={selected}
      data-testid={TID.recoveryRow}
      data-attempt-id={p.attemptId}
      data-state={p.state}
      data-minor={p.amountMinor}
      onClick={onSelect}
    >
      <span className="recovery-state">{t('payment.state', { state: p.state })}</span>
      <span className="num">{money(p.amountMinor)}</span>
      <span>{card}</span>
      <span>{when(p.createdAt)}</span>
      <span className="recovery-message">{p.message ?? ''}</span>
      <span>{p.forwardDeadline ? t('recovery.deadline', { time: when(p.forwardDeadline) }) : ''}</span>
      {canCheck(p) && (
        <button
          type="button"
          className="btn btn-secondary"
          data-testid={TID.recoveryCheck}
          disabled={checking}
          aria-busy={checking}
          onClick={onCheck}
        >
          {t(checking ? 'payment.checking' : 'payment.checkNow')}
        </button>
      )}
      {canAcknowledge(p) && (
        <button
          type="button"
          className="btn btn-secondary"
          data-testid={TID.recoveryAcknowledge}
          onClick={onAcknowledge}
        >
          {t('recovery.acknowledge')}
        </button>
      )}
    </li>
  );
}
