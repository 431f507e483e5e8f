import { useI18n } from '../i18n/context';
import { keyHint } from '../keys/bindings';
import { TID } from '../testids';

interface Props {
  readonly totalMinor: number;
  readonly disabled: boolean;
  readonly onPay: () => void;
}

export function PayButton({ totalMinor, disabled, onPay }: Props) {
  const { t, money } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-primary btn-pay"
      data-testid={TID.tenderButton}
      disabled={disabled}
      onClick={onPay}
    >
      <kbd>{keyHint('tender')}</kbd>
      <span>{t('action.payCash')}</span>
      <span className="num">{money(totalMinor)}</span>
    </button>
  );
}
