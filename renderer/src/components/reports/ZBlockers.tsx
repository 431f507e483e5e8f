// Why the Z was refused (Z_REFUSED, detail.blockers), in words: each shift still open on its drawer, with the
// way to the Shift screen, and each payment or refund whose outcome is unknown, with the way to the alerts.
import type { ZBlocker } from '@contract/contract';
import type { ModalState } from '../../app/modals';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

const goTo = (b: ZBlocker): NonNullable<ModalState> =>
  b.kind === 'shift-open' ? { kind: 'shift' } : { kind: 'paymentAlerts' };

interface Props {
  readonly blockers: readonly ZBlocker[];
  readonly open: (modal: ModalState) => void;
}

export function ZBlockers({ blockers, open }: Props) {
  const { t, money } = useI18n();
  const words = (b: ZBlocker): string => {
    switch (b.kind) {
      case 'shift-open':
        return t('reports.blocker', { kind: 'shift', drawer: b.drawerId, state: b.state });
      case 'payment-unknown':
        return t('reports.blocker', { kind: 'payment', amount: money(b.amountMinor), state: b.state });
      case 'refund-unknown':
        return t('reports.blocker', { kind: 'refund', amount: money(b.amountMinor) });
    }
  };
  return (
    <div role="alert" data-testid={TID.reportZRefused}>
      <p>{t('reports.zRefused')}</p>
      <ul>
        {blockers.map((b, i) => (
          <li key={i} data-testid={TID.reportBlocker} data-kind={b.kind}>
            {words(b)}{' '}
            <button
              type="button"
              className="btn btn-secondary"
              data-testid={TID.reportBlockerGo}
              onClick={() => open(goTo(b))}
            >
              {b.kind === 'shift-open' ? t('reports.toShift') : t('reports.toAlerts')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
