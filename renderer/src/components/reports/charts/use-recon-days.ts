// A report's settlement dates' reconciliation (recon-days.ts) read from main for the charts, keyed by the
// report so another report's answer is never shown while this one's is on its way.
import { useEffect, useState } from 'react';
import { getPos } from '../../../platform/pos';
import { loadSettings } from '../../../settings/setup-api';
import { readReconDays, type ReconDays, type ReconReads } from './recon-days';

export type { ReconDays } from './recon-days';

const reads: ReconReads = {
  settings: loadSettings,
  day: async (day) => (await getPos()).recon.day({ day }),
};

export function useReconDays(openedAt: string, takenAt: string): ReconDays {
  const key = `${openedAt}|${takenAt}`;
  const [read, setRead] = useState<{ readonly key: string; readonly days: ReconDays } | null>(null);
  useEffect(() => {
    let live = true;
    const done = (days: ReconDays): void => {
      if (live) setRead({ key, days });
    };
    readReconDays(openedAt, takenAt, reads).then(done, () => done({ state: 'failed' }));
    return () => {
      live = false;
    };
  }, [key, openedAt, takenAt]);
  return read?.key === key ? read.days : { state: 'loading' };
}
