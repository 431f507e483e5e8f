// A drawer counted by denomination (the float at opening, the blind count at closing): one whole-number field
// per note and coin of the shop's currency, the running total computed with the shared table
// (@contract/denominations). The blind count shows no expected figure: main answers it only after the count.
import { useState } from 'react';
import { countTotal, denominationsOf, type CashCount } from '@contract/denominations';
import { formatMajor } from '@contract/money';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { Modal, isEnterInField } from '../Modal';
import { DialogButtons } from '../DialogButtons';

interface Props {
  readonly purpose: 'float' | 'close';
  readonly currency: string;
  readonly onSubmit: (counts: CashCount) => void;
  readonly onCancel: () => void;
}

const pieces = (text: string): number | null => (/^\d{1,6}$/.test(text) ? Number(text) : null);

export function CashCountForm({ purpose, currency, onSubmit, onCancel }: Props) {
  const { t, money } = useI18n();
  const table = denominationsOf(currency);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const counts: Record<string, number> = {};
  let valid = true;
  for (const d of table) {
    const text = (texts[d.id] ?? '').trim();
    const n = text === '' ? 0 : pieces(text);
    if (n === null) valid = false;
    else if (n > 0) counts[d.id] = n;
  }
  const submit = (): void => {
    if (valid) onSubmit(counts);
  };
  return (
    <Modal
      title={t('shift.countTitle', { purpose })}
      onClose={onCancel}
      testId={TID.shiftCount}
      onKey={(e) => {
        if (!isEnterInField(e)) return false;
        submit();
        return true;
      }}
    >
      <p className="hint">{t('shift.countHint', { purpose })}</p>
      <div className="settings-grid">
        {table.map((d, i) => (
          <label key={d.id} className="field-label">
            {t('shift.denomination', { kind: d.kind, value: formatMajor(d.minor, currency) })}
            <input
              className="input num"
              inputMode="numeric"
              data-testid={TID.shiftCountField}
              data-denomination={d.id}
              aria-invalid={
                texts[d.id] !== undefined && pieces(texts[d.id] ?? '') === null && texts[d.id] !== ''
              }
              autoFocus={i === 0}
              value={texts[d.id] ?? ''}
              onChange={(e) => setTexts({ ...texts, [d.id]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <p data-testid={TID.shiftCountTotal} data-minor={valid ? countTotal(currency, counts) : ''}>
        {valid
          ? t('shift.countTotal', { amount: money(countTotal(currency, counts)) })
          : t('shift.countInvalid')}
      </p>
      <DialogButtons
        onCancel={onCancel}
        onOk={submit}
        okDisabled={!valid}
        okLabel={t('shift.countOk', { purpose })}
      />
    </Modal>
  );
}
