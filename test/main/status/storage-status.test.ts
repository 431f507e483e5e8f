import { describe, expect, it } from 'vitest';
import { shopTime, storageStatus } from '../../../main/status/storage-status';
import type { MaintenanceReport } from '../../../main/health/maintenance';

const AT = '2026-03-04T05:06:07.000Z';
const database = { at: AT, mode: 'quick' as const, ok: true, problems: [], ms: 10 };
const journal = { at: AT, ok: true, entries: 42, brokenAt: null, reason: null, ms: 5 };
const ok = { ok: true as const, entries: 42, head: 'h' };

describe('storageStatus', () => {
  it("says 'ok' and when the store was last checked", () => {
    const s = storageStatus(ok, { database, journal });
    expect(s.state).toBe('ok');
    expect(s.detail).toBe(
      `checked ${shopTime(AT)} (quick_check); journal verified (42 entries) ${shopTime(AT)}`,
    );
  });

  it("says 'ok', not yet checked, before the first background run", () => {
    expect(storageStatus(ok, { database: null, journal: null })).toEqual({
      state: 'ok',
      detail: 'not checked yet (the first check runs in the background)',
    });
  });

  it("is 'error' naming the problem for a failed database check, a failed full walk, or a break found at start-up", () => {
    const bad: MaintenanceReport = {
      database: {
        ...database,
        ok: false,
        problems: ['Tree 5 page 9: btreeInitPage() returns error code 11'],
      },
      journal,
    };
    expect(storageStatus(ok, bad)).toEqual({
      state: 'error',
      detail: `database quick_check at ${shopTime(AT)} found: Tree 5 page 9: btreeInitPage() returns error code 11`,
    });
    const walk = storageStatus(ok, {
      database,
      journal: { ...journal, ok: false, brokenAt: 3, reason: 'entry 3 was altered' },
    });
    expect(walk).toEqual({
      state: 'error',
      detail: `full journal walk at ${shopTime(AT)}: broken at entry 3: entry 3 was altered`,
    });
    const start = storageStatus(
      { ok: false, seq: 7, reason: 'entry 7 is missing (next is 8)' },
      { database, journal },
    );
    expect(start).toEqual({
      state: 'error',
      detail: 'journal broken at entry 7: entry 7 is missing (next is 8)',
    });
  });
});
