// How a sale was paid, one block per tender, on the on-screen receipt: cash with change, or card / QR with
// the brand, ****last4 and authorisation code, and a note when a card payment was stored to be sent later.
import type { TenderView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { cardLabel } from '../format/card';
import { TID } from '../testids';

export function TenderLines({ tenders }: { readonly tenders: readonly TenderView[] }) {
  const { t, money } = useI18n();
  return (
    <>
      {tenders.map((tender, i) => (
        <div
          key={i}
          data-testid={TID.receiptTender}
          data-kind={tender.kind}
          data-stored={tender.storedOffline}
        >
          {tender.kind === 'cash' ? (
            <>
              <div className="r-row">
                <dt>{t('receipt.cash')}</dt>
                <dd className="num">{money(tender.tenderedMinor)}</dd>
              </div>
              <div className="r-row">
                <dt>{t('receipt.change')}</dt>
                <dd className="num">{money(tender.changeMinor)}</dd>
              </div>
            </>
          ) : (
            <>
              <div className="r-row">
                <dt>
                  {tender.kind === 'card'
                    ? t('receipt.card', { card: cardLabel(tender.brand, tender.last4) })
                    : t('payment.scheme', { scheme: tender.brand ?? 'other' })}
                </dt>
                <dd className="num">{money(tender.amountMinor)}</dd>
              </div>
              {tender.authCode && (
                <div className="r-row r-sub">
                  <dt>{t('receipt.authCode', { code: tender.authCode })}</dt>
                </div>
              )}
              {tender.storedOffline && (
                <div className="r-row r-sub">
                  <dt>{t('receipt.storedOffline')}</dt>
                </div>
              )}
            </>
          )}
        </div>
      ))}
    </>
  );
}

/** The sale-complete screen's summary of a card or QR payment (cash shows the change instead). */
export function PaidBy({ tender }: { readonly tender: TenderView }) {
  const { t } = useI18n();
  const what =
    tender.kind === 'card'
      ? cardLabel(tender.brand, tender.last4)
      : t('payment.scheme', { scheme: tender.brand ?? 'other' });
  return (
    <div
      className="complete-paid"
      data-testid={TID.completeTender}
      data-kind={tender.kind}
      data-stored={tender.storedOffline}
    >
      <p className="complete-label">{t(tender.kind === 'card' ? 'complete.paidCard' : 'complete.paidQr')}</p>
      <p className="complete-card">
        {what}
        {tender.authCode ? ` · ${t('receipt.authCode', { code: tender.authCode })}` : ''}
      </p>
      {tender.storedOffline && (
        <p className="complete-waiting" role="status" data-testid={TID.completeStored}>
          {t('complete.storedOffline')}
        </p>
      )}
    </div>
  );
}
