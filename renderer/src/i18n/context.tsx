// Locale + currency for the whole screen: `t` for messages, `money`/`qty` for the numbers on every row.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale, Unit } from '@contract/contract';
import { formatMoney } from '@contract/money';
import { translator, type Translate } from './translate';

export interface I18n {
  readonly locale: Locale;
  readonly currency: string;
  readonly t: Translate;
  readonly money: (minor: number) => string;
  /** "3" or "1.235 kg" */
  readonly qty: (qtyMilli: number, unit: Unit) => string;
}

function make(locale: Locale, currency: string): I18n {
  const t = translator(locale);
  return {
    locale,
    currency,
    t,
    money: (minor) => formatMoney(minor, currency, locale),
    // Display only: thousandths to a JS number is exact enough to print 3 decimals.
    qty: (qtyMilli, unit) => t(unit === 'kg' ? 'qty.kg' : 'qty.each', { qty: qtyMilli / 1000 }),
  };
}

const I18nContext = createContext<I18n>(make('zh-CN', 'CNY'));

export function I18nProvider({
  locale,
  currency,
  children,
}: {
  locale: Locale;
  currency: string;
  children: ReactNode;
}) {
  const value = useMemo(() => make(locale, currency), [locale, currency]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export const useI18n = (): I18n => useContext(I18nContext);
