// The reconciliation the report charts read: the settlement dates are the shop's configured business time
// zone's (store.timeZone from setup.view, Asia/Shanghai when unset), so a shop in another zone reads its own
// dates' settlements; settings that cannot be read leave the chart failed rather than read in a guessed zone.
import { describe, expect, it } from 'vitest';
import type { ReconDayView, SettingsView } from '../../main/api/contract';
import { err, ok, type Result } from '../../main/api/result';
import { readReconDays, type ReconReads } from '../../renderer/src/components/reports/charts/recon-days';

/** setup.view's answer with only the field the dates depend on (the rest of the doc is not read) */
const settingsIn = (timeZone: string | undefined): Result<SettingsView> =>
  ok({ settings: { store: timeZone === undefined ? {} : { timeZone } } } as unknown as SettingsView);

const dayView = (day: string, imported: boolean): ReconDayView =>
  ({ day, imports: imported ? [{ source: 'gateway' }] : [], items: [] }) as unknown as ReconDayView;

/** reads recording which dates were asked for; `imported` dates have a settlement */
function reads(settings: Result<SettingsView>, imported: readonly string[] = []) {
  const asked: string[] = [];
  const r: ReconReads = {
    settings: () => Promise.resolve(settings),
    day: (day) => {
      asked.push(day);
      return Promise.resolve(ok(dayView(day, imported.includes(day))));
    },
  };
  return { r, asked };
}

// 08:30 to 22:05 China time on 25 November: 19:30 on the 24th to 09:05 on the 25th in New York
const OPENED = '2026-11-25T00:30:00.000Z';
const TAKEN = '2026-11-25T14:05:00.000Z';

describe('a report’s settlement dates read in the shop’s zone', () => {
  it('unset: China time, one date', async () => {
    const { r, asked } = reads(settingsIn(undefined), ['2026-11-25']);
    expect(await readReconDays(OPENED, TAKEN, r)).toEqual({
      state: 'read',
      reconciled: ['2026-11-25'],
      pending: [],
      items: [],
    });
    expect(asked).toEqual(['2026-11-25']);
  });

  it('a configured zone: its own dates, the one without a settlement pending', async () => {
    const { r, asked } = reads(settingsIn('America/New_York'), ['2026-11-25']);
    expect(await readReconDays(OPENED, TAKEN, r)).toMatchObject({
      state: 'read',
      reconciled: ['2026-11-25'],
      pending: ['2026-11-24'],
    });
    expect(asked).toEqual(['2026-11-24', '2026-11-25']);
  });

  it('settings that cannot be read: failed, no date read', async () => {
    const { r, asked } = reads(err('INTERNAL', 'no settings'));
    expect(await readReconDays(OPENED, TAKEN, r)).toEqual({ state: 'failed' });
    expect(asked).toEqual([]);
  });
});
