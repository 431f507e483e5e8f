// The sale's lines in the refund dialog, under a header row: one RefundLineRow each.
import type { RefundableLineView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { RefundLineRow } from './RefundLineRow';

interface Props {
  readonly lines: readonly RefundableLineView[];
  /** what the manager typed per line (lineNo -> text); absent = none */
  readonly texts: Readonly<Record<number, string>>;
  /** the typed quantities (lineNo -> thousandths, null = not a valid quantity) */
  readonly parsed: ReadonlyMap<number, number | null>;
  readonly canEdit: boolean;
  /** the line whose field takes the keyboard first */
  readonly firstOpen: number | undefined;
  readonly onType: (line: RefundableLineView, text: string) => void;
  readonly onQty: (line: RefundableLineView, milli: number) => void;
}

export function RefundLines({ lines, texts, parsed, canEdit, firstOpen, onType, onQty }: Props) {
  const { t } = useI18n();
  return (
    <div className="refund-lines" role="group" aria-label={t('refund.linesLabel')}>
      <div className="refund-line refund-head" aria-hidden="true">
        <span>{t('refund.col.item')}</span>
        <span className="num">{t('refund.col.sold')}</span>
        <span className="num">{t('refund.col.refunded')}</span>
        <span className="num">{t('refund.col.remaining')}</span>
        <span className="refund-qty-head">{t('refund.col.return')}</span>
        <span className="num">{t('refund.col.amount')}</span>
      </div>
      {lines.map((line) => (
        <RefundLineRow
          key={line.lineNo}
          line={line}
          text={texts[line.lineNo] ?? ''}
          qtyMilli={parsed.get(line.lineNo)}
          canEdit={canEdit}
          autoFocus={line.lineNo === firstOpen}
          onType={(text) => onType(line, text)}
          onQty={(milli) => onQty(line, milli)}
        />
      ))}
    </div>
  );
}
