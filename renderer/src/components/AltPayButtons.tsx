import { useI18n } from '../i18n/context';
import { keyHint } from '../keys/bindings';
import { TID } from '../testids';

interface Props {
  readonly disabled: boolean;
  readonly onCard: () => void;
  readonly onQr: () => void;
}

/** Card and QR-code payment, beside the big cash button (touch targets; the keys are Shift+F12 / Shift+F11). */
export function AltPayButtons({ disabled, onCard, onQr }: Props) {
  const { t } = useI18n();
  return (
    <div className="pay-alt">
      <button
        type="button"
        className="btn btn-secondary"
        data-testid={TID.cardButton}
        disabled={disabled}
        onClick={onCard}
      >
        <kbd>{keyHint('card')}</kbd>
        <span>{t('action.payCard')}</span>
      </button>
      <button
        type="button"
        className="btn btn-secondary"
        data-testid={TID.qrButton}
        disabled={disabled}
        onClick={onQr}
      >
        <kbd>{keyHint('qr')}</kbd>
        <span>{t('action.payQr')}</span>
      </button>
    </div>
  );
}
