// The shop itself: names, terminal, address and tax number on the receipt, currency, business time zone,
// language, and how prices and tax are computed.
import type { Draft } from '../../settings/draft';
import { useI18n } from '../../i18n/context';
import { ChoiceSetting, TextSetting } from './SettingField';
import { TimeZoneSetting } from './TimeZoneSetting';

interface Props {
  readonly draft: Draft;
  readonly set: (path: string, value: unknown) => void;
  readonly errors: ReadonlyMap<string, string>;
}

/** An empty optional text is stored as null (config.json's "not set"). */
const orNull = (v: string): string | null => (v.trim() === '' ? null : v);

export function StoreSettings({ draft, set, errors }: Props) {
  const { t } = useI18n();
  const text = (path: string, label: string, value: string, nullable: boolean, maxLength: number) => (
    <TextSetting
      path={path}
      label={label}
      value={value}
      maxLength={maxLength}
      error={errors.get(path)}
      onChange={(v) => set(path, nullable ? orNull(v) : v)}
    />
  );
  const s = draft.store;
  return (
    <div className="settings-grid">
      {text('store.name', t('settings.storeName'), s.name, false, 80)}
      {text('store.nameEn', t('settings.storeNameEn'), s.nameEn ?? '', true, 80)}
      {text('store.terminalId', t('settings.terminalId'), s.terminalId, false, 16)}
      {text('store.address', t('settings.address'), s.address ?? '', true, 120)}
      {text('store.taxNumber', t('settings.taxNumber'), s.taxNumber ?? '', true, 40)}
      {text('currency', t('settings.currency'), draft.currency, false, 3)}
      <TimeZoneSetting draft={draft} set={set} errors={errors} />
      <ChoiceSetting
        path="defaultLocale"
        label={t('settings.locale')}
        value={draft.defaultLocale}
        options={[
          { value: 'zh-CN', label: '简体中文' },
          { value: 'en', label: 'English' },
        ]}
        onChange={(v) => set('defaultLocale', v)}
        error={errors.get('defaultLocale')}
      />
      <ChoiceSetting
        path="pricingMode"
        label={t('settings.pricingMode')}
        value={draft.pricingMode}
        options={[
          { value: 'inclusive', label: t('settings.pricingInclusive') },
          { value: 'exclusive', label: t('settings.pricingExclusive') },
        ]}
        onChange={(v) => set('pricingMode', v)}
        error={errors.get('pricingMode')}
      />
      <ChoiceSetting
        path="taxRounding"
        label={t('settings.taxRounding')}
        value={draft.taxRounding}
        options={[
          { value: 'line', label: t('settings.roundLine') },
          { value: 'receipt', label: t('settings.roundReceipt') },
        ]}
        onChange={(v) => set('taxRounding', v)}
        error={errors.get('taxRounding')}
      />
    </div>
  );
}
