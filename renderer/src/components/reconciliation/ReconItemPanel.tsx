// One difference in full (recon.item): the local sale with its cashier and tenders, the payment attempt and
// its history, the refunds, the settlement row(s), and how it was resolved; an open one gets the resolve form.
import type { ReconItemDetail } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { ReconResolveForm, type ResolveFormProps } from './ReconResolveForm';

interface Props extends Omit<ResolveFormProps, 'item'> {
  readonly detail: ReconItemDetail;
}

export function ReconItemPanel({ detail, ...resolve }: Props) {
  const { t, money, locale } = useI18n();
  const when = (iso: string): string => new Date(iso).toLocaleString(locale);
  const { item, sale, attempt, refunds, settlement } = detail;
  return (
    <section
      className="recon-detail"
      data-testid={TID.reconDetail}
      data-item={item.id}
      data-class={item.class}
    >
      <h3>
        {t(`recon.class.${item.class}`)} · {item.reference ?? '—'}
      </h3>
      <h4>{t('recon.sale')}</h4>
      <div data-testid={TID.reconDetailSale} data-receipt={sale?.receiptNo ?? ''}>
        {sale ? (
          <>
            <p>
              {t('recon.receipt', {
                receiptNo: sale.receiptNo,
                at: when(sale.completedAt),
                total: money(sale.totalMinor),
              })}
            </p>
            {sale.cashier && (
              <p>
                {t('recon.cashier', {
                  cashier:
                    [sale.cashier.code, sale.cashier.name].filter(Boolean).join(' ') || sale.cashier.id,
                })}
              </p>
            )}
            <ul>
              {sale.tenders.map((tn, n) => (
                <li key={n}>{t('recon.tender', { kind: tn.kind, amount: money(tn.amountMinor) })}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="field-hint">{t('recon.saleNone')}</p>
        )}
      </div>
      <h4>{t('recon.attempt')}</h4>
      {attempt ? (
        <>
          <p>
            {t('recon.attemptSummary', {
              kind: attempt.brand ?? attempt.qrScheme ?? attempt.kind,
              mode: attempt.mode,
              amount: money(attempt.amountMinor),
              state: attempt.state,
            })}
          </p>
          <ol data-testid={TID.reconDetailHistory}>
            {attempt.history.map((s, n) => (
              <li key={n} data-event={s.event} data-state={s.state ?? ''}>
                {when(s.at)} · {s.event}
                {s.state ? ` → ${s.state}` : ''}
                {s.detail ? ` (${s.detail})` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="field-hint">{t('recon.attemptNone')}</p>
      )}
      {refunds.length > 0 && (
        <>
          <h4>{t('recon.refunds')}</h4>
          <ul>
            {refunds.map((r) => (
              <li key={r.refundId}>
                {t('recon.refund', { refundNo: r.refundNo, amount: money(r.amountMinor), state: r.state })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('recon.settlement')}</h4>
      <ul data-testid={TID.reconDetailSettlement}>
        {settlement.length === 0 && <li className="field-hint">{t('recon.settlementNone')}</li>}
        {settlement.map((r) => (
          <li key={`${r.source}:${r.line}:${r.kind}`} data-line={r.line}>
            {t('recon.settlementRow', {
              ...{ source: r.source, line: r.line, kind: r.kind, status: r.status },
              ...{ amount: money(r.amountMinor), fee: money(r.feeMinor) },
            })}
          </li>
        ))}
      </ul>
      {item.resolution ? (
        <div data-testid={TID.reconDetailResolution} data-action={item.resolution.action}>
          <p>
            {t('recon.resolution', {
              action: t(`recon.action.${item.resolution.action}`),
              ...{
                name: item.resolution.by.name,
                code: item.resolution.by.code,
                at: when(item.resolution.at),
              },
            })}
          </p>
          <p>{t('recon.resolutionNote', { note: item.resolution.note })}</p>
        </div>
      ) : (
        <ReconResolveForm item={item} {...resolve} />
      )}
    </section>
  );
}
