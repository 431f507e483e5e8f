// The shop's business time zone from config.json (`store.timeZone`): where a settlement date and a business
// day's hours begin and end. Read once at start: a zone changed mid-day would move the day's boundaries under
// the settlements and reports already taken, so a saved change applies from the next start (the app restarts
// onto saved settings anyway; main/setup/).
import { DEFAULT_STORE_TIME_ZONE } from '../api/contract/settings';
import type { PosConfig } from './config-schema';

export { DEFAULT_STORE_TIME_ZONE };

/** config.json's `store.timeZone`, or Asia/Shanghai when an older file names none. */
export function businessTimeZone(config: { readonly store: Pick<PosConfig['store'], 'timeZone'> }): string {
  return config.store.timeZone ?? DEFAULT_STORE_TIME_ZONE;
}
