// The settings screen's time-zone choices: Asia/Shanghai first, the zone on file kept even where Intl cannot
// list zones (then a short common list), no zone twice; each labelled with its offset.
import { describe, expect, it } from 'vitest';
import { timeZoneLabel, timeZoneOptions } from '../../renderer/src/components/settings/time-zone-options';

describe('timeZoneOptions', () => {
  it('puts Asia/Shanghai first, then the zone on file, then Intl’s list without repeats', () => {
    const listed = ['Africa/Abidjan', 'Asia/Shanghai', 'Europe/London'];
    expect(timeZoneOptions(undefined, listed)).toEqual(['Asia/Shanghai', 'Africa/Abidjan', 'Europe/London']);
    expect(timeZoneOptions('Europe/London', listed)).toEqual([
      'Asia/Shanghai',
      'Europe/London',
      'Africa/Abidjan',
    ]);
    expect(timeZoneOptions('Etc/GMT-8', listed)[1]).toBe('Etc/GMT-8');
  });

  it('without Intl.supportedValuesOf, offers the common zones', () => {
    const common = timeZoneOptions(undefined, null);
    expect(common[0]).toBe('Asia/Shanghai');
    expect(common).toEqual(expect.arrayContaining(['Asia/Hong_Kong', 'Asia/Taipei', 'Europe/London', 'UTC']));
    expect(new Set(common).size).toBe(common.length);
  });

  it('by default lists every zone this runtime knows', () => {
    const all = timeZoneOptions(undefined);
    expect(all[0]).toBe('Asia/Shanghai');
    expect(all.length).toBeGreaterThan(300);
    expect(all).toContain('America/New_York');
  });

  it('labels a zone with its offset', () => {
    expect(timeZoneLabel('Asia/Shanghai')).toBe('Asia/Shanghai (GMT+08:00)');
    expect(timeZoneLabel('Mars/Olympus')).toBe('Mars/Olympus');
  });
});
