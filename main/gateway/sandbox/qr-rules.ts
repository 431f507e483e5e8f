// The sandbox QR wallet: which scheme a payment code belongs to, and how the "customer" answers, decided by
// the amount so a POS can rehearse every micropay path (instant success, "user paying" then success or
// failure, a customer who never confirms, an immediate failure). Pure; the handlers persist the result.
import type { QrScheme } from '../protocol/schemas';
import type { QrOutcome, QrStatus } from './ledger';

/** The payment-code prefixes and lengths the schemes publish. */
const CODE_FORMATS: Record<QrScheme, RegExp> = {
  wechat: /^1[0-5]\d{16}$/,
  alipay: /^(2[5-9]|30)\d{14,22}$/,
  unionpay: /^62\d{17}$/,
};

export function schemeOfCode(code: string): QrScheme | null {
  for (const [scheme, format] of Object.entries(CODE_FORMATS) as [QrScheme, RegExp][]) {
    if (format.test(code)) return scheme;
  }
  return null;
}

export interface QrTiming {
  /** the customer answers on this many-th query of a "user paying" order */
  readonly confirmAfterQueries: number;
  /** ...or once this long has passed since the order was created, whichever comes first */
  readonly confirmAfterMs: number;
}

export const DEFAULT_QR_TIMING: QrTiming = { confirmAfterQueries: 2, confirmAfterMs: 3000 };

export interface QrStart {
  readonly status: QrStatus;
  readonly outcome: QrOutcome;
  readonly message: string;
}

export function startQr(amountMinor: number): QrStart {
  switch (amountMinor % 100) {
    case 2:
      return { status: 'user_paying', outcome: 'success', message: 'waiting for the customer to confirm' };
    case 3:
      return { status: 'user_paying', outcome: 'failed', message: 'waiting for the customer to confirm' };
    case 4:
      return { status: 'user_paying', outcome: 'never', message: 'waiting for the customer to confirm' };
    case 51:
      return { status: 'failed', outcome: 'failed', message: 'insufficient balance' };
    default:
      return { status: 'success', outcome: 'success', message: 'paid' };
  }
}

/** True when a "user paying" order's customer has answered by now (or by this query). */
export function customerAnswered(
  outcome: QrOutcome,
  queryCount: number,
  ageMs: number,
  timing: QrTiming,
): boolean {
  if (outcome === 'never') return false;
  return queryCount >= timing.confirmAfterQueries || ageMs >= timing.confirmAfterMs;
}

export const answerMessage = (outcome: QrOutcome): string =>
  outcome === 'success' ? 'paid' : 'the customer declined the payment';
