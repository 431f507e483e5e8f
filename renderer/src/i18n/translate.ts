// ICU MessageFormat over the two catalogs. Pure (no React) so tests can check every message.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '@contract/contract';
import type { ErrorCode } from '@contract/result';
import type { HotkeyAction } from '../keys/bindings';
import { en } from './en';
import { zhCN } from './zh-CN';

export type MessageKey = keyof typeof en;
export type MessageValues = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const catalogs: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  en,
  'zh-CN': zhCN,
};

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const translators = new Map<Locale, Translate>();

export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const compiled = new Map<MessageKey, IntlMessageFormat>();
    const catalog = catalogs[locale];
    t = (key, values) => {
      let format = compiled.get(key);
      if (!format) {
        format = new IntlMessageFormat(catalog[key], locale);
        compiled.set(key, format);
      }
      try {
        return String(format.format(values));
      } catch {
        // A missing value must not blank the till; show the key so the bug is visible and reportable.
        return key;
      }
    };
    translators.set(locale, t);
  }
  return t;
}

// Compile-time coverage: a message for every error code and every shortcut's help line.
const _errorsCovered: Record<`error.${ErrorCode}`, string> = en;
const _helpCovered: Record<`help.${HotkeyAction}`, string> = en;
void _errorsCovered;
void _helpCovered;
