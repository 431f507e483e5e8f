// Debounced catalog search with stale-response protection (a slow answer for "ap" must not replace the
// answer for "apple"). Matching (pinyin, initials, SKU) happens in main.
import { useEffect, useRef, useState } from 'react';
import type { ProductView } from '@contract/contract';

const DEBOUNCE_MS = 150;

export interface ProductSearch {
  readonly results: readonly ProductView[];
  /** the query the current results answer; differs from the input while a search is pending */
  readonly answered: string;
  /** search now, skipping the debounce; resolves with the results for `query` */
  readonly flush: () => Promise<readonly ProductView[]>;
}

export function useProductSearch(
  query: string,
  search: (q: string) => Promise<readonly ProductView[] | null | 'cardData'>,
  /** main refused the query as card data: the field must not keep it on screen */
  onCardData: () => void = () => undefined,
): ProductSearch {
  const [state, setState] = useState<{ results: readonly ProductView[]; answered: string }>({
    results: [],
    answered: '',
  });
  const seq = useRef(0);
  const searchRef = useRef(search);
  const onCardDataRef = useRef(onCardData);
  useEffect(() => {
    searchRef.current = search;
    onCardDataRef.current = onCardData;
  });

  const run = useRef(async (q: string): Promise<readonly ProductView[]> => {
    const mine = ++seq.current;
    const answer = q.trim() === '' ? [] : await searchRef.current(q.trim());
    if (answer === 'cardData') onCardDataRef.current();
    const found = answer === 'cardData' || answer === null ? [] : answer;
    if (mine === seq.current) setState({ results: found, answered: q });
    return found;
  });

  useEffect(() => {
    const timer = setTimeout(() => void run.current(query), query.trim() === '' ? 0 : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  return { ...state, flush: () => run.current(query) };
}
