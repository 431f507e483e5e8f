// The receipts screen's list: sales newest first, filtered by receipt number or by days, amount and card
// (debounced), one page at a time. A slow answer for an older search or page never replaces a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaleSummaryView } from '@contract/contract';
import { HISTORY_PAGE_SIZE, type HistoryPage } from '../app/actions';
import { searchKey, type HistorySearch } from './history-filter';

const DEBOUNCE_MS = 200;

export interface SaleHistory {
  readonly rows: readonly SaleSummaryView[];
  /** true while the first page for the current search has not arrived */
  readonly loading: boolean;
  /** a full last page suggests there are older sales */
  readonly hasMore: boolean;
  readonly loadMore: () => void;
}

export function useSaleHistory(
  search: HistorySearch,
  fetchPage: (page: HistoryPage) => Promise<readonly SaleSummaryView[] | null>,
): SaleHistory {
  const [state, setState] = useState<{
    rows: readonly SaleSummaryView[];
    key: string | null;
    full: boolean;
  }>({
    rows: [],
    key: null,
    full: false,
  });
  // The search's identity: a new object with the same filters is the same search.
  const key = searchKey(search);
  const searchRef = useRef(search);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const started = useRef(false);
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
    searchRef.current = search;
  });

  useEffect(() => {
    const mine = ++seq.current;
    // The first page at once; what the manager types is debounced.
    const delay = started.current ? DEBOUNCE_MS : 0;
    started.current = true;
    const timer = setTimeout(
      () =>
        void fetchRef.current({ search: searchRef.current }).then((rows) => {
          if (mine !== seq.current) return;
          setState({ rows: rows ?? [], key, full: (rows?.length ?? 0) >= HISTORY_PAGE_SIZE });
        }),
      delay,
    );
    return () => clearTimeout(timer);
  }, [key]);

  const loadMore = useCallback((): void => {
    const after = state.rows.at(-1)?.cursor;
    if (busy || !state.full || after === undefined || state.key !== key) return;
    const mine = seq.current;
    setBusy(true);
    void fetchRef.current({ search: searchRef.current, after }).then((rows) => {
      setBusy(false);
      if (mine !== seq.current || rows === null) return;
      setState((s) => ({ ...s, rows: [...s.rows, ...rows], full: rows.length >= HISTORY_PAGE_SIZE }));
    });
  }, [busy, key, state]);

  return { rows: state.rows, loading: state.key !== key, hasMore: state.full && !busy, loadMore };
}
