import type { CartView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { TID } from '../testids';
import { CartLineRow } from './CartLineRow';

interface Props {
  readonly cart: CartView;
  readonly selectedLineId: string | null;
  readonly flash: { readonly lineId: string; readonly seq: number } | null;
  readonly onSelect: (lineId: string) => void;
}

export function CartPanel({ cart, selectedLineId, flash, onSelect }: Props) {
  const { t } = useI18n();
  const count = cart.lines.length;
  return (
    <section className="cart" aria-label={t('cart.title')}>
      <div className="cart-head">
        <span className="cart-col name">{t('cart.col.item')}</span>
        <span className="cart-col num">{t('cart.col.qty')}</span>
        <span className="cart-col num">{t('cart.col.price')}</span>
        <span className="cart-col num">{t('cart.col.discount')}</span>
        <span className="cart-col num">{t('cart.col.total')}</span>
      </div>
      {count === 0 ? (
        <p className="cart-empty" data-testid={TID.cartEmpty}>
          {t('cart.empty')}
        </p>
      ) : (
        <ul className="cart-lines" role="listbox" aria-label={t('cart.title')} data-testid={TID.cartLines}>
          {cart.lines.map((line) => {
            const flashing = flash?.lineId === line.lineId;
            return (
              <CartLineRow
                // A new key per flash restarts the CSS animation when the same line is scanned again.
                key={flashing ? `${line.lineId}#${flash.seq}` : line.lineId}
                line={line}
                selected={line.lineId === selectedLineId}
                flash={flashing}
                onSelect={onSelect}
              />
            );
          })}
        </ul>
      )}
      <div className="cart-foot">{t('cart.count', { count })}</div>
    </section>
  );
}
