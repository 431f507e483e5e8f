// The zones the settings screen offers for the shop's business time zone: Asia/Shanghai first (the wallets'
// zone and the default), the zone on file next, then every zone this browser's Intl knows, or, where Intl
// cannot list them, the zones Chinese-speaking shops commonly run in.
import { DEFAULT_STORE_TIME_ZONE } from '@contract/contract/settings';

const COMMON = [
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Urumqi',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Bangkok',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Sydney',
  'Europe/London',
  'Europe/Paris',
  'America/New_York',
  'America/Los_Angeles',
  'America/Vancouver',
  'UTC',
];

/** Intl's canonical zones, or null in a runtime without Intl.supportedValuesOf. */
function supportedZones(): readonly string[] | null {
  const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  return typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : null;
}

export function timeZoneOptions(
  current: string | undefined,
  supported: readonly string[] | null = supportedZones(),
): string[] {
  const rest = supported ?? COMMON;
  return [...new Set([DEFAULT_STORE_TIME_ZONE, ...(current ? [current] : []), ...rest])];
}

/** "Asia/Shanghai (GMT+08:00)": the offset now, so a manager tells zones of one city name apart. */
export function timeZoneLabel(zone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en', {
      timeZone: zone,
      timeZoneName: 'longOffset',
    }).formatToParts();
    const offset = parts.find((p) => p.type === 'timeZoneName')?.value;
    return offset ? `${zone} (${offset})` : zone;
  } catch {
    return zone;
  }
}
