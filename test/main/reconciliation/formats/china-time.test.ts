import { describe, expect, it } from 'vitest';
import { chinaTimeToIso } from '../../../../main/reconciliation/formats/china-time';

describe('China local time in the wallets’ files', () => {
  it('is UTC+8 all year, across midnight and month ends', () => {
    expect(chinaTimeToIso('2026-12-05 09:12:03')).toBe('2026-12-05T01:12:03.000Z');
    expect(chinaTimeToIso('2026-07-01 07:59:59')).toBe('2026-06-30T23:59:59.000Z');
    expect(chinaTimeToIso('2028-02-29 12:00:00')).toBe('2028-02-29T04:00:00.000Z');
  });

  it('refuses dates that do not exist and other shapes', () => {
    for (const bad of [
      '2026-02-30 10:00:00',
      '2027-02-29 10:00:00',
      '2026-13-01 10:00:00',
      '2026-12-05 24:00:00',
      '2026-12-05 10:60:00',
      '2026-12-05T10:00:00',
      '2026/12/05 10:00:00',
      '2026-12-05 10:00',
      '',
    ])
      expect(chinaTimeToIso(bad), bad).toBeNull();
  });
});
