// A day's reconciliation at a glance: rows read, the settled totals, open and resolved differences and the
// reconciled badge; then both sides per tender, brand, cashier, terminal and day, and each shift's cash.
import type { ReconDayView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

export function ReconSummary({ view }: { readonly view: ReconDayView }) {
  const { t, money } = useI18n();
  const figures: [string, string][] = [
    [t('recon.rows'), String(view.rows)],
    [t('recon.charged'), money(view.totals.chargedMinor)],
    [t('recon.refunded'), money(view.totals.refundedMinor)],
    [t('recon.fees'), money(view.totals.feeMinor)],
    [t('recon.open'), String(view.open)],
    [t('recon.resolvedCount'), String(view.resolved)],
  ];
  return (
    <section className="recon-summary" data-testid={TID.reconSummary}>
      <p
        className={`recon-badge ${view.reconciled ? 'recon-badge-ok' : 'recon-badge-open'}`}
        data-testid={TID.reconBadge}
        data-reconciled={view.reconciled}
      >
        {view.reconciled ? t('recon.reconciled') : t('recon.notReconciled')}
      </p>
      <dl className="recon-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="num">{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('recon.breakdown')}</h3>
      <table className="settings-table" data-testid={TID.reconBreakdown}>
        <thead>
          <tr>
            <th>{t('recon.by')}</th>
            <th>{t('recon.key')}</th>
            <th className="num">{t('recon.local')}</th>
            <th className="num">{t('recon.settled')}</th>
          </tr>
        </thead>
        <tbody>
          {view.breakdown.map((b) => (
            <tr key={`${b.by}:${b.key}`} data-by={b.by} data-key={b.key}>
              <td>{t(`recon.by.${b.by}`)}</td>
              <td>{b.label ?? b.key}</td>
              <td className="num">{money(b.localMinor)}</td>
              <td className="num">{money(b.settledMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.cash.length > 0 && <CashRows view={view} />}
    </section>
  );
}

function CashRows({ view }: { readonly view: ReconDayView }) {
  const { t, money } = useI18n();
  const shown = (minor: number | null): string => (minor === null ? t('recon.notCounted') : money(minor));
  return (
    <>
      <h3>{t('recon.cash')}</h3>
      <table className="settings-table" data-testid={TID.reconCash}>
        <thead>
          <tr>
            <th>{t('recon.shift')}</th>
            <th className="num">{t('recon.expected')}</th>
            <th className="num">{t('recon.counted')}</th>
          </tr>
        </thead>
        <tbody>
          {view.cash.map((c) => (
            <tr key={c.shiftId} data-shift={c.shiftId}>
              <td>{c.drawerId}</td>
              <td className="num">{shown(c.expectedMinor)}</td>
              <td className="num">{shown(c.countedMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
