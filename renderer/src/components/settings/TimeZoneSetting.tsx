// The shop's business time zone (config.json `store.timeZone`; main/config/time-zone.ts): where a settlement
// date and the reports' hours begin and end. Unset: Asia/Shanghai. The hint says a change applies from the
// next start, as main reads it once.
import { DEFAULT_STORE_TIME_ZONE } from '@contract/contract/settings';
import type { Draft } from '../../settings/draft';
import { useI18n } from '../../i18n/context';
import { ChoiceSetting } from './SettingField';
import { timeZoneLabel, timeZoneOptions } from './time-zone-options';

interface Props {
  readonly draft: Draft;
  readonly set: (path: string, value: unknown) => void;
  readonly errors: ReadonlyMap<string, string>;
}

const PATH = 'store.timeZone';

export function TimeZoneSetting({ draft, set, errors }: Props) {
  const { t } = useI18n();
  const value = draft.store.timeZone ?? DEFAULT_STORE_TIME_ZONE;
  const options = timeZoneOptions(draft.store.timeZone).map((z) => ({ value: z, label: timeZoneLabel(z) }));
  return (
    <ChoiceSetting
      path={PATH}
      label={t('settings.timeZone')}
      hint={t('settings.timeZoneHint')}
      value={value}
      options={options}
      onChange={(v) => set(PATH, v)}
      error={errors.get(PATH)}
    />
  );
}
