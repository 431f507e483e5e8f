// A manager refunds returned goods of one past sale (from the receipts screen, F9). It asks main what is left
// to refund and where the money goes back (refund.prepare), lets the manager pick quantities per line and a
// reason, then asks for a manager's approval and sends refund.issue. Cash is paid back at once from the
// drawer; card and QR refunds go back through the gateway and are online only, so while it is offline the
// dialog says so and refunds nothing. The refund's id is made once here and reused for every retry (a lost
// answer, a wrong PIN): main answers a retry with the same refund, never a second one.
import { useEffect, useRef, useState } from 'react';
import type {
  BootstrapView,
  RefundReason,
  RefundView,
  RefundableLineView,
  RefundableView,
} from '@contract/contract';
import type { PosError, Result } from '@contract/result';
import { useI18n } from '../../i18n/context';
import type { Actions } from '../../app/actions';
import { localName } from '../../format/names';
import { REFUND_ALL_KEY, keyLabel } from '../../keys/bindings';
import { refundTotalMinor } from '@contract/refund-share';
import { newRefundId, parseReturnQty, qtyText } from '../../refunds/refund-math';
import { DEFINITE_REFUSALS, reasonOf, refusal, tenderLabel, translated } from '../../refunds/refund-text';
import { TID } from '../../testids';
import { Modal, isEnterInField } from '../Modal';
import { ManagerApproval, isApprovalRefusal } from '../ManagerApproval';
import { RefundBlocked } from './RefundBlocked';
import { RefundLines } from './RefundLines';
import { RefundList } from './RefundList';
import { RefundDone, RefundUnknown } from './RefundOutcome';
import { RefundReasons } from './RefundReasons';

export type RefundActions = Pick<Actions, 'refundPrepare' | 'refundIssue' | 'refundResolve'>;

interface Props {
  readonly sale: { readonly saleId: string; readonly receiptNo: string };
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly actions: RefundActions;
  /** every fresh answer of refund.prepare, so the receipts screen can show the sale's refunds */
  readonly onPrepared: (view: RefundableView) => void;
  readonly onClose: () => void;
}

type Stage =
  | { readonly step: 'loading' }
  | { readonly step: 'loadFailed'; readonly error: PosError }
  | { readonly step: 'form' }
  | { readonly step: 'done'; readonly refund: RefundView }
  | {
      readonly step: 'unknown';
      readonly refundId: string;
      readonly checking: boolean;
      readonly stillUnknown: boolean;
      readonly error: PosError | null;
    };

export function RefundDialog({ sale, trainingApprover, actions, onPrepared, onClose }: Props) {
  const { t, money, qty, locale } = useI18n();
  const [stage, setStage] = useState<Stage>({ step: 'loading' });
  const [view, setView] = useState<RefundableView | null>(null);
  /** what the manager typed per line (lineNo -> text); absent = none */
  const [texts, setTexts] = useState<Readonly<Record<number, string>>>({});
  const [reason, setReason] = useState<RefundReason | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const [incomplete, setIncomplete] = useState(false);
  const [approving, setApproving] = useState(false);
  // Made once as the dialog opens and kept across retries; a new one only after a completed refund.
  const [refundId, setRefundId] = useState(newRefundId);
  const live = useRef(true);

  /** main's answer to refund.prepare; `keepStage` re-reads it behind a result that is already shown. */
  const prepared = (r: Result<RefundableView>, keepStage: boolean): void => {
    if (!live.current) return;
    if (r.ok) {
      setView(r.value);
      onPrepared(r.value);
      if (!keepStage) setStage({ step: 'form' });
    } else if (!keepStage) {
      setStage({ step: 'loadFailed', error: r.error });
    }
  };
  const load = async (keepStage: boolean): Promise<void> =>
    prepared(await actions.refundPrepare(sale.saleId), keepStage);
  // Asked once as the dialog opens (StrictMode runs effects twice in development).
  const opened = useRef(false);
  useEffect(() => {
    live.current = true;
    if (!opened.current) {
      opened.current = true;
      void actions.refundPrepare(sale.saleId).then((r) => prepared(r, false));
    }
    return () => {
      live.current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opened dialog (the sale cannot change)
  }, []);

  const lines = view?.lines ?? [];
  const parsed = new Map<number, number | null>(
    lines.map((l) => [l.lineNo, parseReturnQty(texts[l.lineNo] ?? '', l.unit, l.remainingQtyMilli)]),
  );
  const chosen = new Map<number, number>();
  for (const [lineNo, milli] of parsed) if (milli !== null && milli > 0) chosen.set(lineNo, milli);
  const invalidLines = lines.filter((l) => parsed.get(l.lineNo) === null);
  const totalMinor = refundTotalMinor(lines, chosen);
  const blocked = view?.blocked ?? null;
  const ready = chosen.size > 0 && invalidLines.length === 0 && reason !== null;
  const canEdit = stage.step === 'form' && blocked === null;
  /** the first line with something left to return: where the keyboard starts */
  const firstOpen = canEdit ? lines.find((l) => l.remainingQtyMilli > 0)?.lineNo : undefined;

  const typed = (line: RefundableLineView, text: string): void => {
    setTexts((m) => ({ ...m, [line.lineNo]: text }));
    setIncomplete(false);
  };
  const setQty = (line: RefundableLineView, milli: number): void => {
    setTexts((m) => ({ ...m, [line.lineNo]: qtyText(milli, line.unit) }));
    setIncomplete(false);
  };
  const selectAll = (): void => {
    if (!canEdit) return;
    setTexts(Object.fromEntries(lines.map((l) => [l.lineNo, qtyText(l.remainingQtyMilli, l.unit)])));
    setIncomplete(false);
  };

  /** `picked`: a reason chosen with this very key press (Enter on a reason button picks it and goes on). */
  const confirm = (picked: RefundReason | null = reason): void => {
    if (stage.step !== 'form' || blocked !== null || approving) return;
    if (chosen.size === 0 || invalidLines.length > 0 || picked === null) return setIncomplete(true);
    setError(null);
    setApproving(true);
  };

  /** main's answer to refund.issue (or to a look-up): show where the refund is. */
  const settle = (r: Result<RefundView>, id: string): void => {
    if (r.ok) {
      const refund = r.value;
      if (refund.state === 'completed') {
        setStage({ step: 'done', refund });
        setRefundId(newRefundId()); // the next refund is another one
        setTexts({});
        setReason(null);
      } else if (refund.state === 'failed') {
        setStage({ step: 'form' });
        setError(refusal(refund.message));
        setRefundId(newRefundId()); // that refund is over (nothing paid back): a retry is a new one
      } else {
        setStage({
          step: 'unknown',
          refundId: refund.refundId,
          checking: false,
          stillUnknown: false,
          error: null,
        });
      }
      void load(true);
      return;
    }
    if (r.error.code === 'REFUND_UNKNOWN') {
      const known = r.error.detail?.['refundId'];
      setStage({
        step: 'unknown',
        refundId: typeof known === 'string' && known !== '' ? known : id,
        checking: false,
        stillUnknown: false,
        error: null,
      });
      void load(true);
      return;
    }
    setStage({ step: 'form' });
    setError(r.error);
    // A definite "nothing was paid back": main keeps a refused id refused, so a retry needs a new one. Any
    // other error (a wrong PIN, a lost connection) keeps the id: the same refund, never a second one.
    if (DEFINITE_REFUSALS.has(r.error.code)) setRefundId(newRefundId());
    // The gateway went offline, or someone refunded meanwhile: show what main says now.
    if (r.error.code === 'ONLINE_ONLY' || r.error.code === 'REFUND_NOT_ALLOWED') void load(true);
  };

  const check = async (): Promise<void> => {
    if (stage.step !== 'unknown' || stage.checking) return;
    const now = stage;
    setStage({ ...now, checking: true, error: null });
    const r = await actions.refundResolve(now.refundId);
    if (!live.current) return;
    if (!r.ok) return setStage({ ...now, checking: false, error: r.error });
    if (r.value.state === 'unknown' || r.value.state === 'sending') {
      return setStage({ ...now, checking: false, stillUnknown: true, error: null });
    }
    settle(r, now.refundId);
  };

  const close = (): void => {
    if (stage.step === 'unknown' && stage.checking) return;
    onClose();
  };

  const title = t('refund.title', { no: sale.receiptNo });
  return (
    <>
      <div inert={approving}>
        <Modal
          title={title}
          size="wide"
          testId={TID.refundDialog}
          onClose={close}
          onKey={(e) => {
            if (e.key === REFUND_ALL_KEY && canEdit) {
              selectAll();
              return true;
            }
            const picked = reasonOf(e.target);
            if (e.key === 'Enter' && picked !== null && canEdit) {
              setReason(picked);
              confirm(picked);
              return true;
            }
            if (!isEnterInField(e)) return false;
            if (stage.step === 'form') confirm();
            else if (stage.step === 'unknown') void check();
            else if (stage.step === 'done') onClose();
            else return false;
            return true;
          }}
        >
          {view && (
            <div className="refund-facts">
              <span>
                {t('refund.receiptNo')} <strong data-testid={TID.refundReceiptNo}>{view.receiptNo}</strong>
              </span>
              <span
                data-testid={TID.refundTender}
                data-kind={view.tender.kind}
                data-brand={view.tender.brand ?? ''}
                data-last4={view.tender.last4 ?? ''}
              >
                {t('refund.to')} <strong>{tenderLabel(t, view.tender)}</strong>
              </span>
              {view.training && <span className="badge badge-training">{t('history.training')}</span>}
            </div>
          )}
          {stage.step === 'loading' && (
            <p className="payment-notice info" role="status">
              {t('refund.loading')}
            </p>
          )}
          {stage.step === 'loadFailed' && (
            <div className="payment-notice bad" role="alert">
              <p className="payment-headline" data-testid={TID.refundError} data-code={stage.error.code}>
                {translated(t, stage.error)}
              </p>
              <button
                type="button"
                className="btn btn-primary"
                autoFocus
                onClick={() => {
                  setStage({ step: 'loading' });
                  void load(false);
                }}
              >
                {t('app.retry')}
              </button>
            </div>
          )}
          {stage.step === 'form' && view && (
            <>
              {blocked && <RefundBlocked blocked={blocked} tender={view.tender} />}
              {view.lines.every((l) => l.remainingQtyMilli === 0) ? (
                <p className="payment-notice info">{t('refund.nothingLeft')}</p>
              ) : (
                <RefundLines
                  lines={view.lines}
                  texts={texts}
                  parsed={parsed}
                  canEdit={canEdit}
                  firstOpen={firstOpen}
                  onType={typed}
                  onQty={setQty}
                />
              )}
              {invalidLines.length > 0 && (
                <p className="field-error" role="alert" data-testid={TID.dialogError}>
                  {t('refund.qtyInvalid', {
                    name: localName(locale, invalidLines[0]?.name ?? '', invalidLines[0]?.nameEn ?? null)
                      .primary,
                    max: qty(invalidLines[0]?.remainingQtyMilli ?? 0, invalidLines[0]?.unit ?? 'each'),
                  })}
                </p>
              )}
              <div className="refund-bottom">
                <button
                  type="button"
                  className="btn btn-secondary"
                  data-testid={TID.refundAll}
                  disabled={!canEdit || view.remainingMinor === 0}
                  onClick={selectAll}
                >
                  <kbd>{keyLabel(REFUND_ALL_KEY)}</kbd> {t('refund.all')}
                </button>
                <div className="refund-total">
                  <span className="label">{t('refund.total')}</span>
                  <span className="amount num" data-testid={TID.refundTotal} data-minor={totalMinor}>
                    {money(totalMinor)}
                  </span>
                </div>
              </div>
              <RefundReasons
                reason={reason}
                disabled={!canEdit}
                onPick={(r) => {
                  setReason(r);
                  setIncomplete(false);
                }}
              />
              {incomplete && (chosen.size === 0 || reason === null) && (
                <p className="field-error" role="alert" data-testid={TID.dialogError}>
                  {t(chosen.size === 0 ? 'refund.needLines' : 'refund.needReason')}
                </p>
              )}
              {error && (
                <p className="field-error" role="alert" data-testid={TID.refundError} data-code={error.code}>
                  {translated(t, error)}
                </p>
              )}
              <RefundList refunds={view.refunds} title={t('refund.earlier')} testId={TID.refundEarlier} />
              <p className="field-hint">{t('refund.keys', { allKey: keyLabel(REFUND_ALL_KEY) })}</p>
            </>
          )}
          {stage.step === 'done' && <RefundDone refund={stage.refund} />}
          {stage.step === 'unknown' && (
            <RefundUnknown
              refundId={stage.refundId}
              checking={stage.checking}
              stillUnknown={stage.stillUnknown}
              error={stage.error}
              onCheck={() => void check()}
            />
          )}
          <div className="dialog-buttons">
            <button
              type="button"
              className="btn btn-secondary"
              data-testid={TID.dialogCancel}
              autoFocus={stage.step === 'done'}
              onClick={close}
            >
              <kbd>Esc</kbd>{' '}
              {t(stage.step === 'form' || stage.step === 'loading' ? 'dialog.cancel' : 'dialog.close')}
            </button>
            {stage.step === 'form' && (
              <button
                type="button"
                className="btn btn-danger"
                data-testid={TID.refundConfirm}
                disabled={blocked !== null || approving || !ready}
                onClick={() => confirm()}
              >
                <kbd>Enter</kbd> {t('refund.confirm', { amount: money(totalMinor) })}
              </button>
            )}
          </div>
        </Modal>
      </div>
      {approving && view && reason !== null && (
        <ManagerApproval
          title={t('approval.titleRefund', { amount: money(totalMinor), no: view.receiptNo })}
          trainingApprover={trainingApprover}
          onApprove={async (approval) => {
            const id = refundId;
            const r = await actions.refundIssue({
              refundId: id,
              saleId: view.saleId,
              lines: [...chosen].map(([lineNo, qtyMilli]) => ({ lineNo, qtyMilli })),
              reason,
              approval,
            });
            if (!r.ok && isApprovalRefusal(r.error)) return r.error; // the approval stays open for another try
            if (live.current) settle(r, id);
            return null;
          }}
          onDone={() => setApproving(false)}
          onCancel={() => setApproving(false)}
        />
      )}
    </>
  );
}
