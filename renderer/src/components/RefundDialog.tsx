// A manager refunds returned goods of one past sale (from the receipts screen, F9). It asks main what is left
// to refund and where the money goes back (refund.prepare), lets the manager pick quantities per line and a
// reason, then asks for a manager's approval and sends refund.issue. Cash is paid back at once from the
// drawer; card and QR refunds go back through the gateway and are online only, so while it is offline the
// dialog says so and refunds nothing. The refund's id is made once here and reused for every retry (a lost
// answer, a wrong PIN): main answers a retry with the same refund, never a second one.
import { useEffect, useRef, useState } from 'react';
import {
  REFUND_REASONS,
  type BootstrapView,
  type RefundReason,
  type RefundView,
  type RefundableLineView,
  type RefundableView,
} from '@contract/contract';
import type { PosError, Result } from '@contract/result';
import { useI18n } from '../i18n/context';
import { errorMessage } from '../i18n/errors';
import type { Actions } from '../app/actions';
import { localName } from '../format/names';
import { maskedCard } from '../format/card';
import { REFUND_ALL_KEY, keyLabel } from '../keys/bindings';
import {
  lineRefundMinor,
  newRefundId,
  parseReturnQty,
  qtyText,
  refundTotalMinor,
  stepQty,
} from '../refunds/refund-math';
import { TID } from '../testids';
import { Modal, isEnterInField } from './Modal';
import { ManagerApproval, isApprovalRefusal } from './ManagerApproval';
import { RefundList } from './RefundList';

/** Errors after which main has refunded nothing and never will under that refund id. */
const DEFINITE_REFUSALS: ReadonlySet<string> = new Set([
  'REFUND_REFUSED',
  'GATEWAY_UNREACHABLE',
  'ONLINE_ONLY',
  'REFUND_NOT_ALLOWED',
]);

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

type Tender = RefundableView['tender'];

/** A refused refund (from refund.issue, or a look-up that found it refused), as the error the form shows. */
const refusal = (message: string | null): PosError => ({
  code: 'REFUND_REFUSED',
  message: 'refund refused',
  ...(message ? { detail: { message } } : {}),
});

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
              {blocked && (
                <div
                  className="payment-notice bad refund-blocked"
                  role="alert"
                  data-testid={TID.refundBlocked}
                  data-code={blocked.code}
                >
                  <p className="payment-headline">
                    {blocked.code === 'ONLINE_ONLY'
                      ? t('refund.blockedOnline', { to: tenderLabel(t, view.tender) })
                      : translated(t, blocked)}
                  </p>
                  {blocked.code === 'ONLINE_ONLY' && <p>{t('refund.blockedOnlineNext')}</p>}
                </div>
              )}
              {view.lines.every((l) => l.remainingQtyMilli === 0) ? (
                <p className="payment-notice info">{t('refund.nothingLeft')}</p>
              ) : (
                <div className="refund-lines" role="group" aria-label={t('refund.linesLabel')}>
                  <div className="refund-line refund-head" aria-hidden="true">
                    <span>{t('refund.col.item')}</span>
                    <span className="num">{t('refund.col.sold')}</span>
                    <span className="num">{t('refund.col.refunded')}</span>
                    <span className="num">{t('refund.col.remaining')}</span>
                    <span className="refund-qty-head">{t('refund.col.return')}</span>
                    <span className="num">{t('refund.col.amount')}</span>
                  </div>
                  {view.lines.map((line) => {
                    const name = localName(locale, line.name, line.nameEn);
                    const value = parsed.get(line.lineNo);
                    const none = line.remainingQtyMilli === 0;
                    const current = value ?? 0;
                    const inputId = `refund-qty-${line.lineNo}`;
                    return (
                      <div
                        key={line.lineNo}
                        className={`refund-line${current > 0 ? ' chosen' : ''}`}
                        data-testid={TID.refundLine}
                        data-line-no={line.lineNo}
                        data-unit={line.unit}
                        data-sold-milli={line.soldQtyMilli}
                        data-refunded-milli={line.refundedQtyMilli}
                        data-remaining-milli={line.remainingQtyMilli}
                        data-qty-milli={value ?? ''}
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
                            onClick={() => setQty(line, stepQty(current, line, -1))}
                          >
                            −
                          </button>
                          <input
                            id={inputId}
                            autoFocus={line.lineNo === firstOpen}
                            className="input num refund-qty-input"
                            type="text"
                            inputMode={line.unit === 'kg' ? 'decimal' : 'numeric'}
                            autoComplete="off"
                            spellCheck={false}
                            placeholder={line.unit === 'kg' ? '0.000' : '0'}
                            data-testid={TID.refundQty}
                            disabled={!canEdit || none}
                            aria-invalid={value === null}
                            value={texts[line.lineNo] ?? ''}
                            onFocus={(e) => e.currentTarget.select()}
                            onChange={(e) => {
                              setTexts((m) => ({ ...m, [line.lineNo]: e.target.value }));
                              setIncomplete(false);
                            }}
                            onKeyDown={(e) => {
                              if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
                              e.preventDefault();
                              setQty(line, stepQty(current, line, e.key === 'ArrowUp' ? 1 : -1));
                            }}
                          />
                          <button
                            type="button"
                            className="btn btn-secondary refund-step"
                            data-testid={TID.refundMore}
                            aria-label={t('refund.more', { name: name.primary })}
                            disabled={!canEdit || none || current >= line.remainingQtyMilli}
                            onClick={() => setQty(line, stepQty(current, line, 1))}
                          >
                            +
                          </button>
                        </span>
                        <span className="num">
                          {current > 0 ? money(lineRefundMinor(line, current)) : ''}
                        </span>
                      </div>
                    );
                  })}
                </div>
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
              <div className="refund-reasons" role="radiogroup" aria-label={t('refund.reason')}>
                <span className="field-label">{t('refund.reason')}</span>
                {REFUND_REASONS.map((r) => (
                  <button
                    key={r}
                    type="button"
                    role="radio"
                    aria-checked={reason === r}
                    className={`btn btn-toggle${reason === r ? ' on' : ''}`}
                    data-testid={TID.refundReason}
                    data-reason={r}
                    disabled={!canEdit}
                    onClick={() => {
                      setReason(r);
                      setIncomplete(false);
                    }}
                  >
                    {t('refund.reasonName', { reason: r })}
                  </button>
                ))}
              </div>
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
          {stage.step === 'done' && (
            <div
              className="payment-notice good refund-done"
              role="status"
              data-testid={TID.refundDone}
              data-refund-no={stage.refund.refundNo}
              data-minor={stage.refund.amountMinor}
              data-kind={stage.refund.tenderKind}
              data-state={stage.refund.state}
            >
              <p className="payment-headline">{t('refund.doneTitle', { no: stage.refund.refundNo })}</p>
              <p className="refund-done-amount">{doneText(t, money, stage.refund)}</p>
              <p>{t('refund.slip')}</p>
            </div>
          )}
          {stage.step === 'unknown' && (
            <div
              className="payment-notice warn"
              role="alert"
              data-testid={TID.refundUnknown}
              data-refund-id={stage.refundId}
            >
              <p className="payment-headline">{t('refund.unknownTitle')}</p>
              <p>{t('refund.unknownBody')}</p>
              {stage.stillUnknown && <p role="status">{t('refund.stillUnknown')}</p>}
              {stage.error && (
                <p className="field-error" data-testid={TID.refundError} data-code={stage.error.code}>
                  {translated(t, stage.error)}
                </p>
              )}
              <button
                type="button"
                className="btn btn-primary"
                data-testid={TID.refundCheck}
                disabled={stage.checking}
                aria-busy={stage.checking}
                autoFocus
                onClick={() => void check()}
              >
                <kbd>Enter</kbd> {t(stage.checking ? 'payment.checking' : 'payment.checkNow')}
              </button>
            </div>
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

type T = ReturnType<typeof useI18n>['t'];

/** The reason of a reason button (the target of a key press), or null for anything else. */
function reasonOf(target: EventTarget): RefundReason | null {
  if (!(target instanceof HTMLElement)) return null;
  const r = target.dataset['reason'];
  return REFUND_REASONS.find((x) => x === r) ?? null;
}

function translated(t: T, error: PosError): string {
  const shown = errorMessage(error);
  return t(shown.key, shown.values);
}

/** Where the money goes back: "cash from the drawer", "the card VISA ••••0010", "WeChat Pay". */
function tenderLabel(t: T, tender: Tender): string {
  if (tender.kind === 'cash') return t('refund.toCash');
  if (tender.kind === 'card') return t('refund.toCard', { card: maskedCard(tender.brand, tender.last4) });
  return t('payment.scheme', { scheme: tender.brand ?? 'other' });
}

function doneText(t: T, money: (minor: number) => string, refund: RefundView): string {
  const amount = money(refund.amountMinor);
  if (refund.tenderKind === 'cash') return t('refund.doneCash', { amount });
  if (refund.tenderKind === 'card') {
    return t('refund.doneCard', { amount, card: maskedCard(refund.brand, refund.last4) });
  }
  return t('refund.doneQr', { amount, scheme: t('payment.scheme', { scheme: refund.brand ?? 'other' }) });
}
