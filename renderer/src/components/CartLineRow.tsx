import { useEffect, useRef } from 'react';
import type { CartLineView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { localName } from '../format/names';
import { TID } from '../testids';

interface Props {
  readonly line: CartLineView;
  readonly selected: boolean;
  readonly flash: boolean;
  readonly onSelect: (lineId: string) => void;
}

export function CartLineRow({ line, selected, flash, onSelect }: Props) {
  const { t, money, qty, locale } = useI18n();
  const ref = useRef<HTMLLIElement>(null);
  const name = localName(locale, line.name, line.nameEn);

  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const discount = line.discount;
  return (
    <li
      ref={ref}
      className={`line${selected ? ' selected' : ''}${flash ? ' flash' : ''}`}
      data-testid={TID.cartLine}
      data-line-id={line.lineId}
      data-selected={selected}
      data-qty-milli={line.qtyMilli}
      aria-selected={selected}
      role="option"
      onClick={() => onSelect(line.lineId)}
    >
      <div className="line-name" data-testid={TID.lineName}>
        <span className="primary">{name.primary}</span>
        {name.secondary && <span className="secondary">{name.secondary}</span>}
      </div>
      <div className="line-qty num" data-testid={TID.lineQty}>
        {qty(line.qtyMilli, line.unit)}
      </div>
      <div className="line-price num" data-testid={TID.lineUnitPrice}>
        {line.unit === 'kg'
          ? t('cart.perKg', { price: money(line.unitPriceMinor) })
          : money(line.unitPriceMinor)}
      </div>
      <div className="line-discount num" data-testid={TID.lineDiscount}>
        {discount &&
          (discount.kind === 'percent'
            ? t('cart.discountPercent', { amount: money(line.lineDiscountMinor), pct: discount.bp / 10_000 })
            : t('cart.discountAmount', { amount: money(line.lineDiscountMinor) }))}
      </div>
      <div
        className="line-total num"
        data-testid={TID.lineTotal}
        data-minor={line.grossMinor - line.lineDiscountMinor}
      >
        {money(line.grossMinor - line.lineDiscountMinor)}
      </div>
    </li>
  );
}
