// The status bar's payments slots: card payments taken offline and waiting to be sent (with the time left
// before the earliest of them expires, red under 2 h), and a badge for payments a manager must deal with.
import { useEffect, useState } from 'react';
import type { PaymentsStatusView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { hoursMinutes, msUntil } from '../format/durations';
import { TID } from '../testids';

/** Under this much time left, the deadline is urgent (red). */
export const URGENT_MS = 2 * 60 * 60_000;
/** The slot is re-rendered this often so "ago" and "left" keep moving. */
const TICK_MS = 30_000;

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

interface Props {
  readonly payments: PaymentsStatusView;
  /** opens the payment alerts screen (also Shift+F1) */
  readonly onAlerts: () => void;
}

export function PaymentsStatus({ payments, onAlerts }: Props) {
  const { t, money } = useI18n();
  const now = useNow(TICK_MS);
  const age = msUntil(payments.oldestPendingAt, now);
  const left = msUntil(payments.nextDeadline, now);
  const urgent = left !== null && left < URGENT_MS;
  const ageHm = hoursMinutes(age === null ? 0 : -age);
  const leftHm = hoursMinutes(left ?? 0);
  return (
    <>
      {payments.pendingCount > 0 && (
        <span
          className={`status-item ${urgent ? 'bad' : 'warn'}`}
          data-testid={TID.statusPayments}
          data-count={payments.pendingCount}
          data-minor={payments.pendingMinor}
          data-urgent={urgent}
        >
          {[
            t('status.pending', { count: payments.pendingCount, amount: money(payments.pendingMinor) }),
            age === null ? null : t('status.pendingAge', { ...ageHm }),
            left === null
              ? null
              : left <= 0
                ? t('status.pendingOverdue')
                : t('status.pendingLeft', { ...leftHm }),
          ]
            .filter((x) => x !== null)
            .join(t('status.separator'))}
        </span>
      )}
      {payments.needsManager > 0 && (
        <button
          type="button"
          className="status-item status-button bad"
          data-testid={TID.statusAlerts}
          data-count={payments.needsManager}
          tabIndex={-1}
          onMouseDown={(e) => e.preventDefault()}
          onClick={onAlerts}
        >
          {t('status.alerts', { count: payments.needsManager })}
        </button>
      )}
    </>
  );
}
