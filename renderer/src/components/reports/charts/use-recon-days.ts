// The reconciliation of a report's settlement dates (recon.day each, nothing fetched): the items of the dates
// already reconciled, and the dates never fetched or imported, which the screen names as "not reconciled yet".
import { useEffect, useState } from 'react';
import type { ReconItemView } from '@contract/contract';
import { getPos } from '../../../platform/pos';
import { settlementDates } from './settlement-dates';

export type ReconDays =
  | { readonly state: 'loading' }
  | { readonly state: 'failed' }
  | {
      readonly state: 'read';
      /** dates with a settlement imported (from the gateway or a file) */
      readonly reconciled: readonly string[];
      readonly pending: readonly string[];
      readonly items: readonly ReconItemView[];
    };

async function readDays(dates: readonly string[]): Promise<ReconDays> {
  const pos = await getPos();
  const views = await Promise.all(dates.map((day) => pos.recon.day({ day })));
  const read = views.flatMap((r) => (r.ok ? [r.value] : []));
  if (read.length < views.length) return { state: 'failed' };
  const done = read.filter((v) => v.imports.length > 0);
  return {
    state: 'read',
    reconciled: done.map((v) => v.day),
    pending: read.filter((v) => v.imports.length === 0).map((v) => v.day),
    items: done.flatMap((v) => v.items),
  };
}

export function useReconDays(openedAt: string, takenAt: string): ReconDays {
  const key = `${openedAt}|${takenAt}`;
  // keyed by the report read: another report's answer is never shown while this one's is on its way
  const [read, setRead] = useState<{ readonly key: string; readonly days: ReconDays } | null>(null);
  useEffect(() => {
    let live = true;
    const done = (days: ReconDays): void => {
      if (live) setRead({ key, days });
    };
    readDays(settlementDates(openedAt, takenAt)).then(done, () => done({ state: 'failed' }));
    return () => {
      live = false;
    };
  }, [key, openedAt, takenAt]);
  return read?.key === key ? read.days : { state: 'loading' };
}
