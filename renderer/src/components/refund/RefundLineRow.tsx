// One line of the sale in the refund dialog: sold, refunded and left, the quantity to return (−, typed, +,
// or ArrowUp/ArrowDown in the field) and what that pays back.
import type { RefundableLineView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { localName } from '../../format/names';
import { lineRefundMinor } from '@contract/refund-share';
import { stepQty } from '../../refunds/refund-math';
import { TID } from '../../testids';

interface Props {
  readonly line: RefundableLineView;
  /** what the manager typed ("" for none) */
  readonly text: string;
  /** the typed quantity in thousandths; null when it is not a valid quantity for this line */
  readonly qtyMilli: number | null | undefined;
  readonly canEdit: boolean;
  /** the first line with something left to return: where the keyboard starts */
  readonly autoFocus: boolean;
  /** the manager typed in the field */
  readonly onType: (text: string) => void;
  /** a step (−, +, ArrowUp/ArrowDown) set the quantity */
  readonly onQty: (milli: number) => void;
}

export function RefundLineRow({ line, text, qtyMilli, canEdit, autoFocus, onType, onQty }: Props) {
  const { t, money, qty, locale } = useI18n();
  const name = localName(locale, line.name, line.nameEn);
  const none = line.remainingQtyMilli === 0;
  const current = qtyMilli ?? 0;
  const inputId = `refund-qty-${line.lineNo}`;
  return (
    <div
      className={`refund-line${current > 0 ? ' chosen' : ''}`}
      data-testid={TID.refundLine}
      data-line-no={line.lineNo}
      data-unit={line.unit}
      data-sold-milli={line.soldQtyMilli}
      data-refunded-milli={line.refundedQtyMilli}
      data-remaining-milli={line.remainingQtyMilli}
      data-qty-milli={qtyMilli ?? ''}
    >
      <label className="refund-name" htmlFor={inputId}>
        {name.primary}
        {name.secondary && <small>{name.secondary}</small>}
      </label>
      <span className="num">{qty(line.soldQtyMilli, line.unit)}</span>
      <span className="num">{qty(line.refundedQtyMilli, line.unit)}</span>
      <span className="num">{qty(line.remainingQtyMilli, line.unit)}</span>
      <span className="refund-qty">
        <button
          type="button"
          className="btn btn-secondary refund-step"
          data-testid={TID.refundLess}
          aria-label={t('refund.less', { name: name.primary })}
          disabled={!canEdit || none || current === 0}
          onClick={() => onQty(stepQty(current, line, -1))}
        >
          −
        </button>
        <input
          id={inputId}
          autoFocus={autoFocus}
          className="input num refund-qty-input"
          type="text"
          inputMode={line.unit === 'kg' ? 'decimal' : 'numeric'}
          autoComplete="off"
          spellCheck={false}
          placeholder={line.unit === 'kg' ? '0.000' : '0'}
          data-testid={TID.refundQty}
          disabled={!canEdit || none}
          aria-invalid={qtyMilli === null}
          value={text}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => onType(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
            e.preventDefault();
            onQty(stepQty(current, line, e.key === 'ArrowUp' ? 1 : -1));
          }}
        />
        <button
          type="button"
          className="btn btn-secondary refund-step"
          data-testid={TID.refundMore}
          aria-label={t('refund.more', { name: name.primary })}
          disabled={!canEdit || none || current >= line.remainingQtyMilli}
          onClick={() => onQty(stepQty(current, line, 1))}
        >
          +
        </button>
      </span>
      <span className="num">{current > 0 ? money(lineRefundMinor(line, current)) : ''}</span>
    </div>
  );
}
