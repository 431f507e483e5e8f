// The receipts screen's list: sales newest first, filtered by receipt number (debounced), one page at a time.
// A slow answer for an older query or page never replaces a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaleSummaryView } from '@contract/contract';
import { HISTORY_PAGE_SIZE, type HistoryPage } from '../app/actions';

const DEBOUNCE_MS = 200;

export interface SaleHistory {
  readonly rows: readonly SaleSummaryView[];
  /** true while the first page for the current query has not arrived */
  readonly loading: boolean;
  /** a full last page suggests there are older sales */
  readonly hasMore: boolean;
  readonly loadMore: () => void;
}

export function useSaleHistory(
  query: string,
  fetchPage: (page: HistoryPage) => Promise<readonly SaleSummaryView[] | null>,
): SaleHistory {
  const [state, setState] = useState<{
    rows: readonly SaleSummaryView[];
    query: string | null;
    full: boolean;
  }>({
    rows: [],
    query: null,
    full: false,
  });
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const started = useRef(false);
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
  });

  useEffect(() => {
    const mine = ++seq.current;
    // The first page at once; what the manager types is debounced.
    const delay = started.current ? DEBOUNCE_MS : 0;
    started.current = true;
    const timer = setTimeout(
      () =>
        void fetchRef.current({ query }).then((rows) => {
          if (mine !== seq.current) return;
          setState({ rows: rows ?? [], query, full: (rows?.length ?? 0) >= HISTORY_PAGE_SIZE });
        }),
      delay,
    );
    return () => clearTimeout(timer);
  }, [query]);

  const loadMore = useCallback((): void => {
    const after = state.rows.at(-1)?.cursor;
    if (busy || !state.full || after === undefined || state.query !== query) return;
    const mine = seq.current;
    setBusy(true);
    void fetchRef.current({ query, after }).then((rows) => {
      setBusy(false);
      if (mine !== seq.current || rows === null) return;
      setState((s) => ({ ...s, rows: [...s.rows, ...rows], full: rows.length >= HISTORY_PAGE_SIZE }));
    });
  }, [busy, query, state]);

  return { rows: state.rows, loading: state.query !== query, hasMore: state.full && !busy, loadMore };
}
