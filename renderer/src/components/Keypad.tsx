import { useI18n } from '../i18n/context';
import { TID } from '../testids';

export type KeypadKey =
  '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '00' | '.' | 'back' | 'clear';

const LAYOUT: readonly KeypadKey[] = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '00', '0', '.'];

/** Applies one keypad press to the text of an amount/quantity field. */
export function applyKeypad(text: string, key: KeypadKey): string {
  if (key === 'back') return text.slice(0, -1);
  if (key === 'clear') return '';
  if (key === '.' && text.includes('.')) return text;
  return text + key;
}

interface Props {
  readonly onKey: (key: KeypadKey) => void;
  readonly decimals: boolean;
  readonly disabled?: boolean;
}

/** On-screen digits for touch use; the physical keyboard types into the field directly. */
export function Keypad({ onKey, decimals, disabled = false }: Props) {
  const { t } = useI18n();
  const button = (key: KeypadKey, label: string, extra = '') => (
    <button
      key={key}
      type="button"
      className={`btn key${extra}`}
      data-testid={TID.keypadKey}
      data-key={key}
      disabled={disabled || (key === '.' && !decimals)}
      tabIndex={-1}
      // Keep focus (and the caret) in the amount field.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onKey(key)}
    >
      {label}
    </button>
  );
  return (
    <div className="keypad">
      {LAYOUT.map((k) => button(k, k))}
      {button('back', t('keypad.back'), ' key-wide')}
      {button('clear', t('keypad.clear'), ' key-wide')}
    </div>
  );
}
