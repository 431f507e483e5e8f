// The shop's VAT categories: id (what the catalog file names), names on the receipt, and rate. Products refer
// to a category by its id, so an id in use is changed only by importing the catalog again.
import { useState } from 'react';
import type { Draft } from '../../settings/draft';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { parsePercentBp } from '../../format/parse';

type Category = NonNullable<Draft['taxCategories']>[number];

interface Props {
  readonly categories: readonly Category[];
  readonly onChange: (next: Category[]) => void;
  readonly errors: ReadonlyMap<string, string>;
}

const bpToPercent = (bp: number): string => (bp % 100 === 0 ? String(bp / 100) : (bp / 100).toFixed(2));

export function TaxSettings({ categories, onChange, errors }: Props) {
  const { t } = useI18n();
  // Rates as typed, so "13." can be on its way to "13.5" without being rewritten under the cursor.
  const [typed, setTyped] = useState<Record<number, string>>({});
  const update = (i: number, patch: Partial<Category>): void =>
    onChange(categories.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const rowError = (i: number): string | undefined =>
    [...errors.entries()].find(
      ([path]) => path === `taxCategories.${i}` || path.startsWith(`taxCategories.${i}.`),
    )?.[1];
  return (
    <div className="tax-settings">
      <table className="settings-table" data-testid={TID.settingsTaxes}>
        <thead>
          <tr>
            <th>{t('settings.taxId')}</th>
            <th>{t('settings.taxName')}</th>
            <th>{t('settings.taxNameEn')}</th>
            <th>{t('settings.taxRate')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {categories.map((c, i) => (
            <tr key={i} data-testid={TID.settingsTaxRow} aria-invalid={rowError(i) !== undefined}>
              <td>
                <input
                  className="input"
                  aria-label={t('settings.taxId')}
                  value={c.id}
                  maxLength={16}
                  onChange={(e) => update(i, { id: e.target.value })}
                />
              </td>
              <td>
                <input
                  className="input"
                  aria-label={t('settings.taxName')}
                  value={c.name}
                  maxLength={40}
                  onChange={(e) => update(i, { name: e.target.value })}
                />
              </td>
              <td>
                <input
                  className="input"
                  aria-label={t('settings.taxNameEn')}
                  value={c.nameEn ?? ''}
                  maxLength={40}
                  onChange={(e) => update(i, { nameEn: e.target.value === '' ? null : e.target.value })}
                />
              </td>
              <td>
                <input
                  className="input num"
                  aria-label={t('settings.taxRate')}
                  inputMode="decimal"
                  data-testid={TID.settingsTaxRate}
                  value={typed[i] ?? bpToPercent(c.rateBp)}
                  onChange={(e) => {
                    setTyped({ ...typed, [i]: e.target.value });
                    const bp = parsePercentBp(e.target.value);
                    if (bp !== null) update(i, { rateBp: bp });
                  }}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={categories.length <= 1}
                  onClick={() => onChange(categories.filter((_, j) => j !== i))}
                >
                  {t('settings.taxRemove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {[...errors.entries()]
        .filter(([path]) => path.startsWith('taxCategories'))
        .map(([path, message]) => (
          <p key={path} className="field-error" role="alert" data-testid={TID.settingsError} data-path={path}>
            {path}: {message}
          </p>
        ))}
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => onChange([...categories, { id: '', name: '', nameEn: null, rateBp: 0 }])}
      >
        {t('settings.taxAdd')}
      </button>
    </div>
  );
}
