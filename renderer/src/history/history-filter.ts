// What the receipts screen's fields ask main for. A receipt number searches alone (main refuses it with other
// filters); otherwise shop days, an amount and a card's last four combine. A field that is not complete yet (an
// amount that does not parse, fewer than 4 digits of a card) is left out of the search and marked, so the list
// does not jump to "nothing found" while the manager is still typing.
import type { Input } from '@contract/contract';
import { tryParseAmount } from '../format/parse';

export interface HistoryFields {
  readonly query: string;
  /** 'YYYY-MM-DD' from a date field, or '' */
  readonly from: string;
  readonly to: string;
  /** in major units as typed ("12.50") */
  readonly amount: string;
  readonly last4: string;
}

export const NO_FIELDS: HistoryFields = { query: '', from: '', to: '', amount: '', last4: '' };

export type HistorySearch = Omit<Input<'sale.history'>, 'after' | 'limit'>;

export interface HistoryFilter {
  readonly search: HistorySearch;
  /** the receipt number is searched: the other fields are off */
  readonly byNumber: boolean;
  /** the select key of `amount.invalid`, when the amount does not parse */
  readonly amountInvalid: string | null;
  readonly last4Incomplete: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function historyFilter(f: HistoryFields, currency: string): HistoryFilter {
  const query = f.query.trim();
  if (query !== '') {
    return { search: { query }, byNumber: true, amountInvalid: null, last4Incomplete: false };
  }
  // A range typed backwards is still the range the manager means.
  let from = DAY.test(f.from) ? f.from : '';
  let to = DAY.test(f.to) ? f.to : '';
  if (from !== '' && to !== '' && from > to) [from, to] = [to, from];
  const amountText = f.amount.trim();
  const amount = amountText === '' ? null : tryParseAmount(amountText, currency);
  const last4 = f.last4.trim();
  const search: HistorySearch = {
    ...(from === '' ? {} : { from }),
    ...(to === '' ? {} : { to }),
    ...(amount?.ok ? { amountMinor: amount.minor } : {}),
    ...(/^\d{4}$/.test(last4) ? { last4 } : {}),
  };
  return {
    search,
    byNumber: false,
    amountInvalid: amount === null || amount.ok ? null : amount.reason,
    last4Incomplete: last4 !== '' && !/^\d{4}$/.test(last4),
  };
}

/** Equal searches give equal keys (the list reloads only when the search itself changes). */
export function searchKey(s: HistorySearch): string {
  return JSON.stringify([s.query ?? '', s.from ?? '', s.to ?? '', s.amountMinor ?? null, s.last4 ?? '']);
}
