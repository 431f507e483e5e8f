import { useEffect } from 'react';
import type { SaleView, StoreInfoView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { TID } from '../testids';
import { Receipt } from './Receipt';

interface Props {
  readonly sale: SaleView;
  readonly store: StoreInfoView;
  readonly onNewSale: () => void;
}

/** After a successful tender: the change, huge, for the cashier to count out; Enter starts the next sale. */
export function SaleComplete({ sale, store, onNewSale }: Props) {
  const { t, money } = useI18n();
  const change = sale.tenders.reduce((sum, tender) => sum + tender.changeMinor, 0);

  useEffect(() => {
    // Window-level so Enter works wherever focus ended up; a scanner's Enter never gets here (swallowed).
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.key !== 'Enter' && e.key !== 'Escape') return;
      e.preventDefault();
      onNewSale();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onNewSale]);

  return (
    <div className="modal-layer complete-layer">
      <section
        className="complete"
        role="dialog"
        aria-modal="true"
        aria-labelledby="complete-title"
        data-testid={TID.saleComplete}
      >
        <div className="complete-main">
          <h2 id="complete-title" className="complete-title">
            {t('complete.title')}
          </h2>
          {sale.training && <span className="badge badge-training">{t('header.training')}</span>}
          <p className="complete-label">{t('complete.change')}</p>
          <p className="complete-change num" data-testid={TID.completeChange} data-minor={change}>
            {money(change)}
          </p>
          <button
            type="button"
            className="btn btn-primary btn-pay"
            data-testid={TID.newSale}
            autoFocus
            onClick={onNewSale}
          >
            <kbd>Enter</kbd> {t('complete.newSale')}
          </button>
        </div>
        <div className="complete-receipt">
          <Receipt sale={sale} store={store} />
        </div>
      </section>
    </div>
  );
}
