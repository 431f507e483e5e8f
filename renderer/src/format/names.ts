import type { Locale } from '@contract/contract';

/** Product/store names: the current locale's name first, the other one as a subtitle. */
export function localName(
  locale: Locale,
  name: string,
  nameEn: string | null,
): { primary: string; secondary: string | null } {
  if (!nameEn || nameEn === name) return { primary: name, secondary: null };
  return locale === 'en' ? { primary: nameEn, secondary: name } : { primary: name, secondary: nameEn };
}
