import type { SaleView, StoreInfoView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { localName } from '../format/names';
import { TID } from '../testids';
import { TenderLines } from './TenderLines';
import { taxLabel } from '../i18n/tax-label';

interface Props {
  readonly sale: SaleView;
  readonly store: StoreInfoView;
}

/** The receipt as printed, on screen, in the cashier's language. */
export function Receipt({ sale, store }: Props) {
  const { t, money, qty, locale } = useI18n();
  const { totals } = sale;
  const storeName = localName(locale, store.name, store.nameEn);
  // SaleView carries no pricing mode: tax is "included" exactly when it did not add to the total.
  const inclusive =
    totals.totalMinor === totals.grossMinor - totals.lineDiscountMinor - totals.orderDiscountMinor;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(
    new Date(sale.completedAt),
  );
  return (
    <article className="receipt" data-testid={TID.receipt} aria-label={t('receipt.title')}>
      {sale.training && (
        <p className="receipt-training" data-testid={TID.receiptTraining}>
          {t('receipt.training')}
        </p>
      )}
      <header className="receipt-head">
        <strong>{storeName.primary}</strong>
        {storeName.secondary && <span>{storeName.secondary}</span>}
        <span data-testid={TID.receiptNo}>{t('receipt.no', { no: sale.receiptNo })}</span>
        <span>{time}</span>
      </header>
      <ul className="receipt-lines">
        {sale.lines.map((line) => (
          <li key={line.lineId}>
            <div className="r-row">
              <span>{localName(locale, line.name, line.nameEn).primary}</span>
              <span className="num">{money(line.grossMinor)}</span>
            </div>
            <div className="r-row r-sub">
              <span>
                {t('receipt.qtyAt', {
                  qty: qty(line.qtyMilli, line.unit),
                  price:
                    line.unit === 'kg'
                      ? t('cart.perKg', { price: money(line.unitPriceMinor) })
                      : money(line.unitPriceMinor),
                })}
              </span>
            </div>
            {line.lineDiscountMinor > 0 && (
              <div className="r-row r-sub">
                <span>{t('receipt.lineDiscount')}</span>
                <span className="num">{t('totals.minus', { amount: money(line.lineDiscountMinor) })}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
      <dl className="receipt-totals">
        <div className="r-row">
          <dt>{t('totals.subtotal')}</dt>
          <dd className="num">{money(totals.grossMinor)}</dd>
        </div>
        {totals.lineDiscountMinor > 0 && (
          <div className="r-row">
            <dt>{t('totals.lineDiscounts')}</dt>
            <dd className="num">{t('totals.minus', { amount: money(totals.lineDiscountMinor) })}</dd>
          </div>
        )}
        {totals.orderDiscountMinor > 0 && (
          <div className="r-row">
            <dt>{t('totals.orderDiscount')}</dt>
            <dd className="num">{t('totals.minus', { amount: money(totals.orderDiscountMinor) })}</dd>
          </div>
        )}
        {totals.taxes.map((tax) => (
          <div className="r-row r-sub" key={tax.taxCategoryId}>
            <dt>{taxLabel(t, tax, inclusive)}</dt>
            <dd className="num">{money(tax.taxMinor)}</dd>
          </div>
        ))}
        <div className="r-row r-total">
          <dt>{t('receipt.total')}</dt>
          <dd className="num" data-testid={TID.receiptTotal} data-minor={totals.totalMinor}>
            {money(totals.totalMinor)}
          </dd>
        </div>
        <TenderLines tenders={sale.tenders} />
      </dl>
      {sale.training && <p className="receipt-training">{t('receipt.training')}</p>}
    </article>
  );
}
