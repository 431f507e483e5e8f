import { useI18n } from '../i18n/context';
import { keyHint, type HotkeyAction } from '../keys/bindings';
import type { MessageKey } from '../i18n/translate';
import { TID } from '../testids';

type ActionId = 'quantity' | 'lineDiscount' | 'orderDiscount' | 'remove' | 'clear';

const BUTTONS: readonly { id: ActionId; label: MessageKey; testId: string; tone?: 'danger' }[] = [
  { id: 'quantity', label: 'action.quantity', testId: TID.actionQuantity },
  { id: 'lineDiscount', label: 'action.lineDiscount', testId: TID.actionLineDiscount },
  { id: 'orderDiscount', label: 'action.orderDiscount', testId: TID.actionOrderDiscount },
  { id: 'remove', label: 'action.remove', testId: TID.actionRemove, tone: 'danger' },
  { id: 'clear', label: 'action.clear', testId: TID.actionClear, tone: 'danger' },
];

interface Props {
  readonly run: (action: HotkeyAction) => void;
  readonly hasLines: boolean;
  readonly hasSelection: boolean;
}

export function ActionBar({ run, hasLines, hasSelection }: Props) {
  const { t } = useI18n();
  const enabled = (id: ActionId): boolean =>
    id === 'orderDiscount' || id === 'clear' ? hasLines : hasSelection;
  return (
    <div className="actions" role="toolbar" aria-label={t('action.toolbar')}>
      {BUTTONS.map((b) => (
        <button
          key={b.id}
          type="button"
          className={`btn btn-action${b.tone === 'danger' ? ' danger' : ''}`}
          data-testid={b.testId}
          disabled={!enabled(b.id)}
          onClick={() => run(b.id)}
        >
          <kbd>{keyHint(b.id)}</kbd>
          <span>{t(b.label)}</span>
        </button>
      ))}
    </div>
  );
}
