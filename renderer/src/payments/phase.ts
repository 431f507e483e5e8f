// Where a card or QR payment dialog stands, and how main's answers move it on. Pure (no React): the rules
// that decide between "sale complete", "declined, try again" and "unknown, never take it twice" live here.
import type { PaymentResultView, PaymentView, SaleView } from '@contract/contract';
import type { PosError, Result } from '@contract/result';
import { isConnectionLost } from '../platform/connection-lost';

export type Phase =
  /** card, gateway offline: the customer's phone or e-mail first (store-and-forward needs it) */
  | { readonly step: 'contact'; readonly error: PosError | null }
  /** QR: waiting for the customer's payment code (scanned, or typed) */
  | { readonly step: 'code'; readonly error: PosError | null }
  /** a call is in flight and no attempt exists yet */
  | { readonly step: 'starting' }
  /** card: the attempt exists ('created'); waiting for the card. `error`: the last swipe was unreadable */
  | { readonly step: 'swipe'; readonly payment: PaymentView; readonly error: PosError | null }
  /** sent; waiting for the answer (QR: the customer confirms on the phone meanwhile) */
  | { readonly step: 'waiting'; readonly payment: PaymentView | null }
  /** declined: nothing was taken, the cart is unlocked; `message` is the gateway's own words */
  | { readonly step: 'declined'; readonly message: string | null }
  /** sent but no answer: money may have moved. Never take the payment again; look it up. */
  | { readonly step: 'unknown'; readonly payment: PaymentView; readonly checking: boolean }
  /** refused before anything was charged (offline limit, online only, cart locked, gateway unreachable) */
  | { readonly step: 'refused'; readonly error: PosError };

/** What a payment answer means for the dialog: finish with the sale, or the next phase. */
export type Next = { readonly done: SaleView } | { readonly phase: Phase };

const STATES_DONE = new Set(['approved', 'stored', 'forward_approved']);
const STATES_DECLINED = new Set(['declined', 'forward_declined', 'cancelled', 'expired']);

/** A PaymentResultView (from a swipe, a QR start or a look-up) -> the next step. */
export function fromResult(view: PaymentResultView): Next {
  const { outcome, payment, sale } = view;
  if ((outcome === 'approved' || outcome === 'stored') && sale) return { done: sale };
  if (outcome === 'declined') return { phase: { step: 'declined', message: payment.message } };
  if (outcome === 'unknown') return { phase: { step: 'unknown', payment, checking: false } };
  // 'pending' (or approved without its sale yet): wait for the payment events.
  return { phase: { step: 'waiting', payment } };
}

/**
 * An error answer to a call that may have sent money (a swipe, a QR start, a look-up). `payment` is the
 * attempt in play, when known: with one, silence means "unknown", never "try again".
 */
export function fromError(error: PosError, payment: PaymentView | null): Phase {
  const detailMessage = typeof error.detail?.['message'] === 'string' ? error.detail['message'] : null;
  switch (error.code) {
    case 'PAYMENT_DECLINED':
      return { step: 'declined', message: detailMessage };
    case 'CONTACT_REQUIRED':
      return { step: 'contact', error };
    case 'CARD_UNREADABLE':
      return payment ? { step: 'swipe', payment, error } : { step: 'refused', error };
    case 'PAYMENT_UNKNOWN':
    case 'PAYMENT_STATE_CHANGED':
      return payment ? { step: 'unknown', payment, checking: false } : { step: 'refused', error };
    default:
      // The answer was lost on the way back: whether the gateway was reached is not known.
      if (payment && isConnectionLost(error)) return { step: 'unknown', payment, checking: false };
      return { step: 'refused', error };
  }
}

export const fromCall = (r: Result<PaymentResultView>, payment: PaymentView | null): Next =>
  r.ok ? fromResult(r.value) : { phase: fromError(r.error, payment) };

/**
 * A pushed `payment` event for the attempt on screen: null when it changes nothing here. Completion needs
 * the sale, so it is reported as the sale id to fetch.
 */
export function fromEvent(
  event: PaymentView,
  phase: Phase,
): { readonly saleId: string } | { readonly phase: Phase } | null {
  const current = 'payment' in phase ? phase.payment : null;
  if (!current || current.attemptId !== event.attemptId) return null;
  if (phase.step !== 'waiting' && phase.step !== 'unknown') return null;
  if (STATES_DONE.has(event.state) && event.saleId) return { saleId: event.saleId };
  if (STATES_DECLINED.has(event.state)) return { phase: { step: 'declined', message: event.message } };
  if (phase.step === 'waiting') return { phase: { step: 'waiting', payment: event } };
  return { phase: { ...phase, payment: event } };
}

/** An OFFLINE_LIMIT refusal a manager may override. */
export const isOverridable = (error: PosError): boolean =>
  error.code === 'OFFLINE_LIMIT' && error.detail?.['overridable'] === true;

/** A call is in flight: the dialog cannot be closed, its outcome must be seen. */
export const isBusy = (p: Phase): boolean =>
  p.step === 'starting' || p.step === 'waiting' || (p.step === 'unknown' && p.checking);
