import { useEffect, useRef, useState } from 'react';
import type { SaleView, StoreInfoView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { REPRINT_KEY } from '../keys/bindings';
import { blocksPrinting, isPngDataUrl, problemKey, type PrinterInfo } from '../printer/printer-info';
import { TID } from '../testids';
import { Receipt } from './Receipt';
import { PaidBy } from './TenderLines';

interface Props {
  readonly sale: SaleView;
  readonly store: StoreInfoView;
  readonly printer: PrinterInfo | null;
  readonly onReprint: () => Promise<boolean>;
  /** Training mode: what the emulated printer printed (a PNG data URL), or null while not (yet) there. */
  readonly receiptImage: (saleId: string) => Promise<string | null>;
  readonly onNewSale: () => void;
}

/** The emulated printer needs a moment after the sale: ask a few times, then keep the on-screen receipt. */
export const RECEIPT_IMAGE_POLL = { attempts: 8, intervalMs: 500 } as const;

/** Polls for the printed receipt image of a training sale; null until (and unless) it arrives. */
function usePrintedImage(
  sale: SaleView,
  fetchImage: (saleId: string) => Promise<string | null>,
): string | null {
  const [image, setImage] = useState<{ saleId: string; png: string } | null>(null);
  const fetchRef = useRef(fetchImage);
  useEffect(() => {
    fetchRef.current = fetchImage;
  });
  useEffect(() => {
    if (!sale.training) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async (n: number): Promise<void> => {
      const png = await fetchRef.current(sale.saleId).catch(() => null);
      if (!live) return;
      if (isPngDataUrl(png)) return setImage({ saleId: sale.saleId, png });
      if (n + 1 < RECEIPT_IMAGE_POLL.attempts) {
        timer = setTimeout(() => void attempt(n + 1), RECEIPT_IMAGE_POLL.intervalMs);
      }
    };
    timer = setTimeout(() => void attempt(0), 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [sale.saleId, sale.training]);
  return image?.saleId === sale.saleId ? image.png : null;
}

/** After a successful tender: the change, huge, for the cashier to count out; Enter starts the next sale. */
export function SaleComplete({ sale, store, printer, onReprint, receiptImage, onNewSale }: Props) {
  const { t, money } = useI18n();
  const change = sale.tenders.reduce((sum, tender) => sum + tender.changeMinor, 0);
  // Paid by card or QR: no change to count out; show how it was paid (and whether it is stored offline).
  const electronic = sale.tenders.find((tender) => tender.kind !== 'cash') ?? null;
  const [reprinting, setReprinting] = useState(false);
  const busy = useRef(false);
  const printed = usePrintedImage(sale, receiptImage);

  const reprint = useRef(async (): Promise<void> => {});
  useEffect(() => {
    reprint.current = async () => {
      if (busy.current) return; // one call per press, however impatient
      busy.current = true;
      setReprinting(true);
      await onReprint();
      busy.current = false;
      setReprinting(false);
    };
  });

  useEffect(() => {
    // Window-level so Enter works wherever focus ended up; a scanner's Enter never gets here (swallowed).
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.key === REPRINT_KEY) {
        e.preventDefault();
        if (!e.repeat) void reprint.current();
        return;
      }
      if (e.key !== 'Enter' && e.key !== 'Escape') return;
      e.preventDefault();
      // The change is shown only here: the tender's Enter held down (auto-repeat) must not take it away.
      if (e.repeat) return;
      onNewSale();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onNewSale]);

  const waitingFor = blocksPrinting(printer) ? printer : null;

  return (
    <div className="modal-layer complete-layer">
      <section
        className="complete"
        role="dialog"
        aria-modal="true"
        aria-labelledby="complete-title"
        data-testid={TID.saleComplete}
      >
        <div className="complete-main">
          <h2 id="complete-title" className="complete-title">
            {t('complete.title')}
          </h2>
          {sale.training && <span className="badge badge-training">{t('header.training')}</span>}
          {electronic ? (
            <PaidBy tender={electronic} />
          ) : (
            <>
              <p className="complete-label">{t('complete.change')}</p>
              <p className="complete-change num" data-testid={TID.completeChange} data-minor={change}>
                {money(change)}
              </p>
            </>
          )}
          {waitingFor && (
            <p
              className="complete-waiting"
              role="status"
              data-testid={TID.receiptWaiting}
              data-problem={waitingFor.problem ?? waitingFor.state}
            >
              {t('complete.receiptWaiting', {
                problem: t('status.printerProblem', {
                  problem: problemKey(waitingFor.problem ?? waitingFor.state),
                }),
              })}
            </p>
          )}
          <button
            type="button"
            className="btn btn-primary btn-pay"
            data-testid={TID.newSale}
            autoFocus
            onClick={onNewSale}
          >
            <kbd>Enter</kbd> {t('complete.newSale')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid={TID.completeReprint}
            tabIndex={-1}
            disabled={reprinting}
            aria-busy={reprinting}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void reprint.current()}
          >
            <kbd>{REPRINT_KEY}</kbd> {t('complete.reprint')}
          </button>
        </div>
        <div className="complete-receipt">
          {printed ? (
            <img
              className="receipt-image"
              src={printed}
              alt={t('complete.printedReceipt', { no: sale.receiptNo })}
              data-testid={TID.receiptImage}
            />
          ) : (
            <Receipt sale={sale} store={store} />
          )}
        </div>
      </section>
    </div>
  );
}
