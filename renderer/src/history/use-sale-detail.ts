// The full sale behind the selected history row, fetched when the selection settles (arrowing through the
// list does not fire one `sale.get` per row passed).
import { useEffect, useRef, useState } from 'react';
import type { SaleView } from '@contract/contract';

const SETTLE_MS = 120;

export function useSaleDetail(
  saleId: string | null,
  fetchSale: (saleId: string) => Promise<SaleView | null>,
): SaleView | null {
  const [sale, setSale] = useState<SaleView | null>(null);
  const fetchRef = useRef(fetchSale);
  useEffect(() => {
    fetchRef.current = fetchSale;
  });
  useEffect(() => {
    if (saleId === null) return;
    let live = true;
    const timer = setTimeout(() => void fetchRef.current(saleId).then((s) => live && setSale(s)), SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [saleId]);
  return sale !== null && sale.saleId === saleId ? sale : null;
}
