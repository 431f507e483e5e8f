// The manager's payment alerts (Shift+F1, or the status bar badge): unknown outcomes, declines after
// forwarding, expired and stored payments (payment.recovery), then card and QR refunds whose outcome is not
// known yet (refund.open). "Check now" looks an unknown one up; "Acknowledge" records, behind a manager's
// approval, that a decline after forwarding or an expired payment has been dealt with. Both lists are
// re-read together, whenever main pushes a payment event and after every check.
import { useCallback, useEffect, useState } from 'react';
import type { BootstrapView, PaymentView, RefundView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import type { Actions } from '../app/actions';
import { RECOVERY_ACK_KEY, RECOVERY_CHECK_KEY } from '../keys/bindings';
import { cardLabel } from '../format/card';
import { TID } from '../testids';
import { Modal } from './Modal';
import { ManagerApproval } from './ManagerApproval';
import { OpenRefunds, checkRefund } from './refund/OpenRefunds';
import { CloseButton } from './DialogButtons';

type AlertActions = Pick<
  Actions,
  | 'paymentRecovery'
  | 'refundOpen'
  | 'resolvePayment'
  | 'refundResolve'
  | 'acknowledgePayment'
  | 'onPayment'
  | 'notify'
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

/** One row of the screen: payments first, then open refunds; F5 checks whichever is selected. */
type Item =
  | { readonly kind: 'payment'; readonly key: string; readonly payment: PaymentView }
  | { readonly kind: 'refund'; readonly key: string; readonly refund: RefundView };

interface Lists {
  /** null while loading */
  readonly rows: readonly PaymentView[] | null;
  readonly refunds: readonly RefundView[] | null;
  readonly reload: () => void;
}

/** The recovery list and the open refunds, re-read together on every pushed payment event. */
function useRecovery(actions: AlertActions): Lists {
  const [rows, setRows] = useState<readonly PaymentView[] | null>(null);
  const [refunds, setRefunds] = useState<readonly RefundView[] | null>(null);
  const reload = useCallback(() => {
    void actions.paymentRecovery().then((r) => r && setRows(r));
    void actions.refundOpen().then((r) => r && setRefunds(r));
  }, [actions]);
  useEffect(() => {
    reload();
    return actions.onPayment(reload);
  }, [actions, reload]);
  return { rows, refunds, reload };
}

export function PaymentAlertsScreen({ trainingApprover, actions, onClose }: Props) {
  const { t, money } = useI18n();
  const { rows, refunds, reload } = useRecovery(actions);
  const [picked, setPicked] = useState<string | null>(null);
  const [approving, setApproving] = useState<PaymentView | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const list = rows ?? [];
  const open = refunds ?? [];
  const items: readonly Item[] = [
    ...list.map((p) => ({ kind: 'payment' as const, key: `p:${p.attemptId}`, payment: p })),
    ...open.map((r) => ({ kind: 'refund' as const, key: `r:${r.refundId}`, refund: r })),
  ];
  const selected = items.find((i) => i.key === picked) ?? items[0] ?? null;

  const move = (delta: number): void => {
    const at = items.findIndex((i) => i.key === selected?.key);
    const next = items[Math.min(items.length - 1, Math.max(0, at + delta))];
    if (next) setPicked(next.key);
  };
  const check = async (p: PaymentView): Promise<void> => {
    if (!canCheck(p) || checking) return;
    setChecking(`p:${p.attemptId}`);
    const r = await actions.resolvePayment(p.attemptId);
    setChecking(null);
    if (!r.ok && r.error.code !== 'PAYMENT_DECLINED') actions.notify('payment.checkFailed', {}, 'error');
    else actions.notify('recovery.checked', { outcome: r.ok ? r.value.outcome : 'declined' });
    reload();
  };
  const checkOpenRefund = async (r: RefundView): Promise<void> => {
    if (checking) return;
    setChecking(`r:${r.refundId}`);
    await checkRefund(actions, money, r);
    setChecking(null);
    reload();
  };
  const acknowledge = (p: PaymentView): void => {
    if (canAcknowledge(p)) setApproving(p);
  };
  const checkSelected = (): void => {
    if (selected?.kind === 'payment') void check(selected.payment);
    else if (selected?.kind === 'refund') void checkOpenRefund(selected.refund);
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
            else if (e.key === RECOVERY_CHECK_KEY) checkSelected();
            else if (e.key === RECOVERY_ACK_KEY && selected?.kind === 'payment')
              acknowledge(selected.payment);
            else return false;
            return true;
          }}
        >
          {items.length === 0 && (
            <p className="field-hint" data-testid={TID.recoveryEmpty}>
              {t(rows === null || refunds === null ? 'history.loading' : 'recovery.empty')}
            </p>
          )}
          {list.length > 0 && (
            <ul className="recovery-rows" role="listbox" aria-label={t('recovery.title')}>
              {list.map((p) => (
                <RecoveryRow
                  key={p.attemptId}
                  payment={p}
                  selected={`p:${p.attemptId}` === selected?.key}
                  checking={checking === `p:${p.attemptId}`}
                  onSelect={() => setPicked(`p:${p.attemptId}`)}
                  onCheck={() => void check(p)}
                  onAcknowledge={() => acknowledge(p)}
                />
              ))}
            </ul>
          )}
          <OpenRefunds
            refunds={open}
            selectedId={selected?.kind === 'refund' ? selected.refund.refundId : null}
            checkingId={checking?.startsWith('r:') ? checking.slice(2) : null}
            onSelect={(r) => setPicked(`r:${r.refundId}`)}
            onCheck={(r) => void checkOpenRefund(r)}
          />
          <p className="field-hint">
            {t('recovery.keys', { checkKey: RECOVERY_CHECK_KEY, ackKey: RECOVERY_ACK_KEY })}
          </p>
          <div className="dialog-buttons">
            <CloseButton onClose={onClose} />
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
