// How many idle minutes before the till locks (config.json `signIn.idleLockMinutes`; main/staff/idle-lock.ts).
// Empty: main's default (5); 0 never locks.
import { useState } from 'react';
import type { Draft } from '../../settings/draft';
import { useI18n } from '../../i18n/context';
import { TextSetting } from './SettingField';

interface Props {
  readonly draft: Draft;
  readonly set: (path: string, value: unknown) => void;
  readonly errors: ReadonlyMap<string, string>;
}

const PATH = 'signIn.idleLockMinutes';

export function IdleLockSetting({ draft, set, errors }: Props) {
  const { t } = useI18n();
  const minutes = draft.signIn?.idleLockMinutes;
  const [text, setText] = useState(minutes === undefined ? '' : String(minutes));
  const [typo, setTypo] = useState(false);
  return (
    <TextSetting
      path={PATH}
      label={t('lock.idleMinutes')}
      hint={t('lock.idleHint')}
      value={text}
      onChange={(v) => {
        setText(v);
        const trimmed = v.trim();
        const n = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : null;
        const ok = trimmed === '' || (n !== null && n <= 240);
        setTypo(!ok);
        if (ok) set(PATH, trimmed === '' ? undefined : n);
      }}
      error={typo ? t('lock.notMinutes') : errors.get(PATH)}
    />
  );
}
