import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ProductView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { keyHint } from '../keys/bindings';
import { TID } from '../testids';
import { SearchResults } from './SearchResults';
import { useProductSearch } from './use-product-search';

interface Props {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly search: (q: string) => Promise<readonly ProductView[] | null | 'cardData'>;
  readonly onPick: (product: ProductView) => void;
}

export function SearchBox({ inputRef, search, onPick }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const { results, answered, flush } = useProductSearch(query, search, () => setQuery(''));
  const fresh = answered === query;
  // An Enter waiting for its search: further Enters (a double press, auto-repeat) must not pick again.
  const picking = useRef(false);
  const showList = open && query.trim() !== '' && fresh;

  const pick = (product: ProductView | undefined): void => {
    if (!product) return;
    setQuery('');
    setActive(0);
    onPick(product);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(0, i + step), Math.max(0, results.length - 1)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (query.trim() === '') return;
      // Typed fast and pressed Enter before the debounce: search now, take the best match.
      if (picking.current) return;
      if (fresh) {
        pick(results[active]);
        return;
      }
      picking.current = true;
      void flush()
        .then((found) => pick(found[0]))
        .finally(() => {
          picking.current = false;
        });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (query === '') e.currentTarget.blur();
      setQuery('');
      setActive(0);
    }
  };

  const listId = 'search-results';
  return (
    <div className="search">
      <label className="visually-hidden" htmlFor="search-input">
        {t('search.label')}
      </label>
      <div className="input-with-key">
        <kbd>{keyHint('search')}</kbd>
        <input
          id="search-input"
          ref={inputRef}
          className="input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && results[active] ? `search-result-${active}` : undefined}
          placeholder={t('search.placeholder')}
          data-testid={TID.searchBox}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      {showList && (
        <SearchResults
          id={listId}
          query={query}
          results={results}
          active={active}
          onPick={pick}
          onHover={setActive}
        />
      )}
    </div>
  );
}
