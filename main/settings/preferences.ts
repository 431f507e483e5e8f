// Runtime preferences changed from the UI (unlike config.json, which is the install-time configuration).
import type { Database } from '../store/db';
import { LocaleSchema, type Locale } from '../api/contract';

export interface Preferences {
  locale(): Locale;
  setLocale(locale: Locale): Locale;
}

export function createPreferences(db: Database, fallback: Locale): Preferences {
  const get = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`);
  const put = db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  return {
    locale() {
      const row = get.get('ui.locale');
      const parsed = row ? LocaleSchema.safeParse(JSON.parse(row.value)) : null;
      return parsed?.success ? parsed.data : fallback;
    },
    setLocale(locale) {
      put.run('ui.locale', JSON.stringify(locale));
      return locale;
    },
  };
}
