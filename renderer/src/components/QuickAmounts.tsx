import { useI18n } from '../i18n/context';
import { QUICK_AMOUNT_KEYS } from '../keys/bindings';
import { TID } from '../testids';

interface Props {
  readonly amounts: readonly number[];
  readonly dueMinor: number;
  readonly disabled: boolean;
  readonly onChoose: (minor: number) => void;
}

export function QuickAmounts({ amounts, dueMinor, disabled, onChoose }: Props) {
  const { t, money } = useI18n();
  return (
    <div className="quick-amounts" role="group" aria-label={t('tender.quick')}>
      {amounts.map((minor, i) => (
        <button
          key={minor}
          type="button"
          className="btn btn-quick"
          data-testid={TID.quickAmount}
          data-minor={minor}
          disabled={disabled}
          tabIndex={-1}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onChoose(minor)}
        >
          <kbd>{QUICK_AMOUNT_KEYS[i]}</kbd>
          <span className="quick-label">{minor === dueMinor ? t('tender.exact') : ''}</span>
          <span className="quick-amount num">{money(minor)}</span>
        </button>
      ))}
    </div>
  );
}
