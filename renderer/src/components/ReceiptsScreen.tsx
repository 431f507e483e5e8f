// The manager's receipts screen (Shift+F7, or from the printer panel): past sales newest first, a search by
// receipt number or by shop days, amount and card last four (history/history-filter.ts), paging, the selected sale as its receipt, "Reprint copy" behind a manager's approval, and
// "Refund" (F9), which opens the refund dialog for the selected sale. The approval and refund dialogs open on
// top and this screen keeps its list, search and selection underneath; the refunds a refund dialog saw (or
// made) are listed under the receipt.
import { useRef, useState, type ChangeEvent, type InputHTMLAttributes } from 'react';
import type { BootstrapView, RefundView, RefundableView, StoreInfoView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import type { Actions } from '../app/actions';
import { HISTORY_MORE_KEY, HISTORY_REFUND_KEY, HISTORY_REPRINT_KEY, keyLabel } from '../keys/bindings';
import { historyFilter, NO_FIELDS, type HistoryFields } from '../history/history-filter';
import { useSaleHistory } from '../history/use-sale-history';
import { useSaleDetail } from '../history/use-sale-detail';
import { TID } from '../testids';
import { Modal } from './Modal';
import { ManagerApproval } from './ManagerApproval';
import { Receipt } from './Receipt';
import { RefundDialog, type RefundActions } from './refund/RefundDialog';
import { RefundList } from './refund/RefundList';
import { SaleHistoryList } from './SaleHistoryList';
import { CloseButton } from './DialogButtons';

interface Props {
  readonly store: StoreInfoView;
  /** the shop's currency: what an amount typed in the filter is read in */
  readonly currency: string;
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly actions: Pick<Actions, 'saleHistory' | 'saleDetail' | 'reprintSale'> & RefundActions;
  readonly onClose: () => void;
}

export function ReceiptsScreen({ store, currency, trainingApprover, actions, onClose }: Props) {
  const { t } = useI18n();
  const [fields, setFields] = useState<HistoryFields>(NO_FIELDS);
  const setField = (name: keyof HistoryFields) => (e: ChangeEvent<HTMLInputElement>) =>
    setFields((f) => ({ ...f, [name]: e.target.value }));
  const filter = historyFilter(fields, currency);
  const [picked, setPicked] = useState<string | null>(null);
  // The receipt the approval was opened for, kept: the list may change under it (a search still running).
  const [approving, setApproving] = useState<{ saleId: string; receiptNo: string } | null>(null);
  const [refunding, setRefunding] = useState<{ saleId: string; receiptNo: string } | null>(null);
  /** each sale's refunds, as the refund dialog last heard them from main (saleId -> refunds) */
  const [refunds, setRefunds] = useState<Readonly<Record<string, readonly RefundView[]>>>({});
  const searchRef = useRef<HTMLInputElement>(null);
  const history = useSaleHistory(filter.search, actions.saleHistory);
  const { rows } = history;
  // The pick if it is still listed (a new search may drop it), else the newest sale.
  const selectedId = rows.some((r) => r.saleId === picked) ? picked : (rows[0]?.saleId ?? null);
  const selectedRow = rows.find((r) => r.saleId === selectedId) ?? null;
  const sale = useSaleDetail(selectedId, actions.saleDetail);

  const move = (delta: number): void => {
    if (rows.length === 0) return;
    const at = rows.findIndex((r) => r.saleId === selectedId);
    const next = rows[Math.min(rows.length - 1, Math.max(0, at + delta))];
    if (next) setPicked(next.saleId);
  };
  const reprint = (): void => {
    if (selectedRow) setApproving({ saleId: selectedRow.saleId, receiptNo: selectedRow.receiptNo });
  };
  const refund = (): void => {
    if (selectedRow) setRefunding({ saleId: selectedRow.saleId, receiptNo: selectedRow.receiptNo });
  };
  const onPrepared = (view: RefundableView): void =>
    setRefunds((m) => ({ ...m, [view.saleId]: view.refunds }));
  const saleRefunds = (sale && refunds[sale.saleId]) ?? [];

  return (
    <>
      {/* inert while the approval is up: its keys (Esc, Enter) must not reach this screen too */}
      <div inert={approving !== null || refunding !== null}>
        <Modal
          title={t('history.title')}
          size="wide"
          testId={TID.receiptsScreen}
          onClose={onClose}
          onKey={(e) => {
            // In a date field the arrows step the date, as they do in any date field.
            const inDate = e.target instanceof HTMLInputElement && e.target.type === 'date';
            if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !inDate)
              move(e.key === 'ArrowDown' ? 1 : -1);
            else if (e.key === HISTORY_MORE_KEY) history.loadMore();
            else if (e.key === HISTORY_REPRINT_KEY && !e.shiftKey) reprint();
            else if (e.key === HISTORY_REFUND_KEY && !e.shiftKey) refund();
            else return false;
            return true;
          }}
        >
          <div className="history">
            <div className="history-list">
              <label className="field-label" htmlFor="receipts-search">
                {t('history.search')}
              </label>
              <input
                id="receipts-search"
                ref={searchRef}
                className="input"
                type="search"
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                autoFocus
                maxLength={32}
                placeholder={t('history.searchPlaceholder')}
                data-testid={TID.receiptsSearch}
                value={fields.query}
                onChange={setField('query')}
              />
              <div className="history-filters" role="group" aria-label={t('history.filters')}>
                <FilterField
                  label={t('history.from')}
                  className="input"
                  type="date"
                  data-testid={TID.receiptsFrom}
                  disabled={filter.byNumber}
                  value={fields.from}
                  onChange={setField('from')}
                />
                <FilterField
                  label={t('history.to')}
                  className="input"
                  type="date"
                  data-testid={TID.receiptsTo}
                  disabled={filter.byNumber}
                  value={fields.to}
                  onChange={setField('to')}
                />
                <FilterField
                  label={t('history.amount')}
                  className="input num"
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  maxLength={16}
                  data-testid={TID.receiptsAmount}
                  aria-invalid={filter.amountInvalid !== null}
                  disabled={filter.byNumber}
                  value={fields.amount}
                  onChange={setField('amount')}
                />
                <FilterField
                  label={t('history.last4')}
                  className="input num"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={4}
                  data-testid={TID.receiptsLast4}
                  aria-invalid={filter.last4Incomplete}
                  disabled={filter.byNumber}
                  value={fields.last4}
                  onChange={setField('last4')}
                />
              </div>
              <p
                className={`field-hint${filter.amountInvalid !== null || filter.last4Incomplete ? ' warn' : ''}`}
                data-testid={TID.receiptsHint}
              >
                {filter.byNumber
                  ? t('history.filtersOff')
                  : filter.amountInvalid !== null
                    ? t('amount.invalid', { reason: filter.amountInvalid })
                    : filter.last4Incomplete
                      ? t('history.last4Incomplete')
                      : t('history.searchHint')}
              </p>
              <SaleHistoryList
                rows={rows}
                selectedId={selectedId}
                loading={history.loading}
                onSelect={setPicked}
              />
              {history.hasMore && (
                <button
                  type="button"
                  className="btn btn-secondary history-more"
                  data-testid={TID.receiptsMore}
                  // The button goes away after the last page: keep focus in the screen (where the arrows work).
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => {
                    history.loadMore();
                    searchRef.current?.focus();
                  }}
                >
                  <kbd>{keyLabel(HISTORY_MORE_KEY)}</kbd> {t('history.more')}
                </button>
              )}
            </div>
            <div
              className="history-detail"
              data-testid={TID.receiptsDetail}
              data-sale-id={sale?.saleId ?? ''}
            >
              {/* above the receipt, so a refund made just now is seen without scrolling */}
              {sale && (
                <RefundList refunds={saleRefunds} title={t('history.refunds')} testId={TID.receiptsRefunds} />
              )}
              {sale ? <Receipt sale={sale} store={store} /> : <p>{t('history.noSelection')}</p>}
            </div>
          </div>
          <p className="field-hint">
            {t('history.keys', { reprintKey: HISTORY_REPRINT_KEY, refundKey: HISTORY_REFUND_KEY })}
          </p>
          <div className="dialog-buttons">
            <CloseButton onClose={onClose} />
            <button
              type="button"
              className="btn btn-secondary"
              data-testid={TID.receiptsRefund}
              disabled={selectedRow === null}
              onClick={refund}
            >
              <kbd>{HISTORY_REFUND_KEY}</kbd> {t('history.refund')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              data-testid={TID.receiptsReprint}
              disabled={selectedRow === null}
              onClick={reprint}
            >
              <kbd>{HISTORY_REPRINT_KEY}</kbd> {t('history.reprint')}
            </button>
          </div>
        </Modal>
      </div>
      {approving && (
        <ManagerApproval
          title={t('approval.titleReprint', { no: approving.receiptNo })}
          trainingApprover={trainingApprover}
          onApprove={actions.reprintSale(approving)}
          onDone={() => setApproving(null)}
          onCancel={() => setApproving(null)}
        />
      )}
      {refunding && (
        <RefundDialog
          sale={refunding}
          trainingApprover={trainingApprover}
          actions={actions}
          onPrepared={onPrepared}
          onClose={() => setRefunding(null)}
        />
      )}
    </>
  );
}

/** One labelled filter field of the receipts search (the same label and layout for each). */
function FilterField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="history-filter">
      <span className="field-label">{label}</span>
      <input {...input} />
    </label>
  );
}
