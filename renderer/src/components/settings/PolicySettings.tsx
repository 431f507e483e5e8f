// Limits the cashier works within: discounts over these need a supervisor's or manager's approval; the till
// locks after so many idle minutes.
import { useState } from 'react';
import { formatMajor } from '@contract/money';
import type { Draft } from '../../settings/draft';
import { parsePercentBp, tryParseAmount } from '../../format/parse';
import { useI18n } from '../../i18n/context';
import { TextSetting } from './SettingField';
import { IdleLockSetting } from './IdleLockSetting';

interface Props {
  readonly draft: Draft;
  readonly set: (path: string, value: unknown) => void;
  readonly errors: ReadonlyMap<string, string>;
}

export function PolicySettings({ draft, set, errors }: Props) {
  const { t } = useI18n();
  const limits = draft.discountApproval;
  const [percent, setPercent] = useState(
    limits?.maxPercentBp === undefined ? '' : String(limits.maxPercentBp / 100),
  );
  const [amount, setAmount] = useState(
    limits?.maxAmountMinor === undefined ? '' : formatMajor(limits.maxAmountMinor, draft.currency),
  );
  const [typo, setTypo] = useState<'percent' | 'amount' | null>(null);
  return (
    <div className="settings-grid">
      <TextSetting
        path="discountApproval.maxPercentBp"
        label={t('settings.discountMaxPercent')}
        hint={t('settings.discountHint')}
        value={percent}
        onChange={(v) => {
          setPercent(v);
          const bp = v.trim() === '' ? undefined : parsePercentBp(v);
          setTypo(bp === null ? 'percent' : null);
          if (bp !== null) set('discountApproval.maxPercentBp', bp);
        }}
        error={typo === 'percent' ? t('settings.notPercent') : errors.get('discountApproval.maxPercentBp')}
      />
      <TextSetting
        path="discountApproval.maxAmountMinor"
        label={t('settings.discountMaxAmount', { currency: draft.currency })}
        value={amount}
        onChange={(v) => {
          setAmount(v);
          const parsed = v.trim() === '' ? null : tryParseAmount(v, draft.currency);
          setTypo(parsed !== null && !parsed.ok ? 'amount' : null);
          if (parsed === null) set('discountApproval.maxAmountMinor', undefined);
          else if (parsed.ok) set('discountApproval.maxAmountMinor', parsed.minor);
        }}
        error={typo === 'amount' ? t('settings.notAmount') : errors.get('discountApproval.maxAmountMinor')}
      />
      <IdleLockSetting draft={draft} set={set} errors={errors} />
    </div>
  );
}
