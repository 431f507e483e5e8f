// The reconciliation of a report's settlement dates (recon.day each, nothing fetched): the items of the dates
// already reconciled, and the dates never fetched or imported, which the screen names as "not reconciled yet".
// The dates are the shop's business time zone's (store.timeZone, as the settings screen reads it), the zone
// main reconciles in; main's calls come in as `reads`, so this is tested without a browser.
import type { ReconDayView, ReconItemView, SettingsView } from '@contract/contract';
import { DEFAULT_STORE_TIME_ZONE } from '@contract/contract/settings';
import type { Result } from '@contract/result';
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

export interface ReconReads {
  readonly settings: () => Promise<Result<SettingsView>>;
  readonly day: (day: string) => Promise<Result<ReconDayView>>;
}

/** the zone the shop's settlements are dated in: the configured one, else main's default */
export const businessTimeZone = (view: SettingsView): string =>
  view.settings.store.timeZone ?? DEFAULT_STORE_TIME_ZONE;

export async function readReconDays(
  openedAt: string,
  takenAt: string,
  reads: ReconReads,
): Promise<ReconDays> {
  const settings = await reads.settings();
  // dates in a guessed zone could name the wrong settlement: not read rather than misread
  if (!settings.ok) return { state: 'failed' };
  const dates = settlementDates(openedAt, takenAt, businessTimeZone(settings.value));
  const views = await Promise.all(dates.map((day) => reads.day(day)));
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
