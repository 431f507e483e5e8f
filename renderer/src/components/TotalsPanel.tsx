import type { CartView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { TID } from '../testids';
import { taxLabel } from '../i18n/tax-label';

export function TotalsPanel({ cart }: { readonly cart: CartView }) {
  const { t, money } = useI18n();
  const { totals, orderDiscount } = cart;
  const inclusive = cart.pricingMode === 'inclusive';
  return (
    <section className="totals" data-testid={TID.totals} aria-label={t('totals.title')}>
      <dl className="totals-rows">
        <div className="row" data-testid={TID.subtotal} data-minor={totals.grossMinor}>
          <dt>{t('totals.subtotal')}</dt>
          <dd className="num">{money(totals.grossMinor)}</dd>
        </div>
        {totals.lineDiscountMinor > 0 && (
          <div className="row discount" data-testid={TID.lineDiscounts} data-minor={totals.lineDiscountMinor}>
            <dt>{t('totals.lineDiscounts')}</dt>
            <dd className="num">{t('totals.minus', { amount: money(totals.lineDiscountMinor) })}</dd>
          </div>
        )}
        {totals.orderDiscountMinor > 0 && (
          <div
            className="row discount"
            data-testid={TID.orderDiscount}
            data-minor={totals.orderDiscountMinor}
          >
            <dt>
              {orderDiscount?.kind === 'percent'
                ? t('totals.orderDiscountPercent', { pct: orderDiscount.bp / 10_000 })
                : t('totals.orderDiscount')}
            </dt>
            <dd className="num">{t('totals.minus', { amount: money(totals.orderDiscountMinor) })}</dd>
          </div>
        )}
        {totals.taxes.map((tax) => (
          <div
            className={`row tax${inclusive ? ' included' : ''}`}
            key={tax.taxCategoryId}
            data-testid={TID.tax}
            data-tax-category={tax.taxCategoryId}
            data-minor={tax.taxMinor}
          >
            <dt>{taxLabel(t, tax, inclusive)}</dt>
            <dd className="num">{money(tax.taxMinor)}</dd>
          </div>
        ))}
      </dl>
      <div className="total-due">
        <span className="label">{t('totals.due')}</span>
        <span className="amount num" data-testid={TID.totalDue} data-minor={totals.totalMinor}>
          {money(totals.totalMinor)}
        </span>
      </div>
    </section>
  );
}
