import type { ProductView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { localName } from '../format/names';
import { TID } from '../testids';

interface Props {
  readonly id: string;
  readonly query: string;
  readonly results: readonly ProductView[];
  readonly active: number;
  readonly onPick: (p: ProductView) => void;
  readonly onHover: (index: number) => void;
}

export function SearchResults({ id, query, results, active, onPick, onHover }: Props) {
  const { t, money, locale } = useI18n();
  if (results.length === 0) {
    return (
      <div className="search-results empty" id={id} data-testid={TID.searchResults} role="status">
        {t('search.none', { query })}
      </div>
    );
  }
  return (
    <ul className="search-results" id={id} role="listbox" data-testid={TID.searchResults}>
      {results.map((p, i) => {
        const name = localName(locale, p.name, p.nameEn);
        return (
          <li
            key={p.id}
            id={`search-result-${i}`}
            role="option"
            aria-selected={i === active}
            className={`result${i === active ? ' active' : ''}`}
            data-testid={TID.searchResult}
            data-product-id={p.id}
            // mousedown, not click: keep focus in the search box so the next search is one keystroke away.
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(p);
            }}
            onMouseEnter={() => onHover(i)}
          >
            <span className="result-name">
              <span className="primary">{name.primary}</span>
              {name.secondary && <span className="secondary">{name.secondary}</span>}
            </span>
            <span className="result-sku">{p.sku}</span>
            <span className="result-price num">
              {p.unit === 'kg' ? t('cart.perKg', { price: money(p.priceMinor) }) : money(p.priceMinor)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
