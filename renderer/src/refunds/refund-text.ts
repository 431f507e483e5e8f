// What the refund dialog says, as plain functions: where the money goes back, what a finished refund paid,
// which errors are definite refusals, and the reason of a reason button.
import { REFUND_REASONS, type RefundReason, type RefundView, type RefundableView } from '@contract/contract';
import type { PosError } from '@contract/result';
import { errorMessage } from '../i18n/errors';
import type { Translate } from '../i18n/translate';
import { maskedCard } from '../format/card';

type Tender = RefundableView['tender'];

/** Errors after which main has refunded nothing and never will under that refund id. */
export const DEFINITE_REFUSALS: ReadonlySet<string> = new Set([
  'REFUND_REFUSED',
  'GATEWAY_UNREACHABLE',
  'ONLINE_ONLY',
  'REFUND_NOT_ALLOWED',
]);

/** A refused refund (from refund.issue, or a look-up that found it refused), as the error the form shows. */
export const refusal = (message: string | null): PosError => ({
  code: 'REFUND_REFUSED',
  message: 'refund refused',
  ...(message ? { detail: { message } } : {}),
});

/** The reason of a reason button (the target of a key press), or null for anything else. */
export function reasonOf(target: EventTarget): RefundReason | null {
  if (!(target instanceof HTMLElement)) return null;
  const r = target.dataset['reason'];
  return REFUND_REASONS.find((x) => x === r) ?? null;
}

export function translated(t: Translate, error: PosError): string {
  const shown = errorMessage(error);
  return t(shown.key, shown.values);
}

/** Where the money goes back: "cash from the drawer", "the card VISA ••••0010", "WeChat Pay". */
export function tenderLabel(t: Translate, tender: Tender): string {
  if (tender.kind === 'cash') return t('refund.toCash');
  if (tender.kind === 'card') return t('refund.toCard', { card: maskedCard(tender.brand, tender.last4) });
  return t('payment.scheme', { scheme: tender.brand ?? 'other' });
}

export function doneText(t: Translate, money: (minor: number) => string, refund: RefundView): string {
  const amount = money(refund.amountMinor);
  if (refund.tenderKind === 'cash') return t('refund.doneCash', { amount });
  if (refund.tenderKind === 'card') {
    return t('refund.doneCard', { amount, card: maskedCard(refund.brand, refund.last4) });
  }
  return t('refund.doneQr', { amount, scheme: t('payment.scheme', { scheme: refund.brand ?? 'other' }) });
}
