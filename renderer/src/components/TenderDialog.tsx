import type { CartView, SaleView } from '@contract/contract';
import type { Result } from '@contract/result';
import { currencyExponent, formatMajor } from '@contract/money';
import { quickCashAmounts } from '@contract/quick-cash';
import { useI18n } from '../i18n/context';
import type { TenderInput } from '../app/actions';
import { useTender } from '../sale/use-tender';
import { QUICK_AMOUNT_KEYS } from '../keys/bindings';
import { TID } from '../testids';
import { Modal, isEnterInField } from './Modal';
import { Keypad, applyKeypad } from './Keypad';
import { QuickAmounts } from './QuickAmounts';

interface Props {
  readonly cart: CartView;
  readonly onTender: (input: TenderInput) => Promise<Result<SaleView>>;
  readonly onClose: () => void;
}

export function TenderDialog({ cart, onTender, onClose }: Props) {
  const { t, money, currency } = useI18n();
  const tender = useTender(cart, currency, onTender);
  // The same rule main uses (one module in @contract), recomputed for the live total.
  const exponent = currencyExponent(currency);
  const amounts = quickCashAmounts(tender.dueMinor, currency).slice(0, QUICK_AMOUNT_KEYS.length);
  const choose = (minor: number): void => tender.setText(() => formatMajor(minor, currency));

  return (
    <Modal
      title={t('tender.title')}
      size="wide"
      testId={TID.tenderDialog}
      // Closing while the call is in flight would hide its outcome; wait for it.
      onClose={() => !tender.busy && onClose()}
      onKey={(e) => {
        const quick = QUICK_AMOUNT_KEYS.indexOf(e.key);
        if (quick >= 0) {
          const minor = amounts[quick];
          if (minor !== undefined) choose(minor);
          return true;
        }
        if (e.key === 'F12' || isEnterInField(e)) {
          void tender.confirm();
          return true;
        }
        return false;
      }}
    >
      <div className="tender">
        <div className="tender-main">
          <div className="tender-row">
            <span className="label">{t('tender.due')}</span>
            <span className="amount num" data-testid={TID.tenderDue} data-minor={tender.dueMinor}>
              {money(tender.dueMinor)}
            </span>
          </div>
          <label className="field-label" htmlFor="tender-amount">
            {t('tender.given')}
          </label>
          <input
            id="tender-amount"
            className="input input-huge num"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            placeholder={formatMajor(tender.dueMinor, currency)}
            data-testid={TID.tenderAmount}
            value={
              tender.retrying && tender.tendered.ok
                ? formatMajor(tender.tendered.minor, currency)
                : tender.text
            }
            readOnly={tender.retrying || tender.busy}
            aria-invalid={!tender.tendered.ok || tender.shortMinor !== null}
            onChange={(e) => {
              const value = e.target.value;
              tender.setText(() => value);
            }}
          />
          <div className="tender-change">
            <span className="label">{t('tender.change')}</span>
            <span className="amount num" data-testid={TID.changeDue} data-minor={tender.changeMinor ?? ''}>
              {tender.changeMinor === null ? '—' : money(tender.changeMinor)}
            </span>
          </div>
          <p className="field-error" role="alert" data-testid={TID.tenderShort}>
            {!tender.tendered.ok
              ? t('amount.invalid', { reason: tender.tendered.reason })
              : tender.shortMinor !== null
                ? t('tender.short', { amount: money(tender.shortMinor) })
                : ''}
          </p>
          {tender.retrying && <p className="field-hint warn">{t('tender.retryHint')}</p>}
          <button
            type="button"
            className="btn btn-primary btn-pay"
            data-testid={TID.tenderConfirm}
            disabled={!tender.canConfirm}
            aria-busy={tender.busy}
            onClick={() => void tender.confirm()}
          >
            <kbd>Enter</kbd>{' '}
            {t(tender.busy ? 'tender.working' : tender.retrying ? 'tender.retry' : 'tender.confirm')}
          </button>
        </div>
        <div className="tender-side">
          <QuickAmounts
            amounts={amounts}
            dueMinor={tender.dueMinor}
            disabled={tender.retrying || tender.busy}
            onChoose={choose}
          />
          <Keypad
            decimals={exponent > 0}
            disabled={tender.retrying || tender.busy}
            onKey={(k) => tender.setText((s) => applyKeypad(s, k))}
          />
        </div>
      </div>
    </Modal>
  );
}
