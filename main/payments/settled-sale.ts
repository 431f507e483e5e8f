// The sale of a settled card or QR payment, inside the transaction that settles it: written through the one
// checkout (the cart the payment holds, at its version, for exactly its amount) and linked to the attempt; an
// approval is journalled with it.
import type { Database } from '../store/db';
import type { SaleView } from '../api/contract';
import { appendJournal } from '../audit/journal';
import type { Checkout } from '../sale/checkout';
import type { PaymentTenderInput } from '../sale/tenders';
import type { Attempt, AttemptRepo } from './attempts/attempt-repo';

export interface SettledSaleDeps {
  readonly db: Database;
  readonly attempts: Pick<AttemptRepo, 'attachSale'>;
  readonly checkout: Checkout;
  readonly now: () => Date;
}

/** What a tender adds to the attempt it comes from (kind, amount and reference are the attempt's). */
export type TenderFacts = Pick<PaymentTenderInput, 'brand' | 'last4' | 'authCode' | 'storedOffline'>;

/** The sale paid by attempt `a`, linked to it. */
export function writePaymentSale(deps: SettledSaleDeps, a: Attempt, facts: TenderFacts): SaleView {
  const held = { cartId: a.cartId, cartVersion: a.cartVersion, attemptId: a.id };
  const tender: PaymentTenderInput = {
    kind: a.kind,
    amountMinor: a.amountMinor,
    reference: a.id,
    attemptId: a.id,
    ...facts,
  };
  const sale = deps.checkout.complete(deps.checkout.openHeld(held), [tender]);
  deps.attempts.attachSale(a.id, sale.saleId);
  return sale;
}

/** An approved payment's sale and its `payment.approved` journal entry (`more`: what this kind adds). */
export function writeApprovedSale(
  deps: SettledSaleDeps,
  a: Attempt,
  facts: TenderFacts,
  more: Readonly<Record<string, unknown>>,
): SaleView {
  const sale = writePaymentSale(deps, a, facts);
  appendJournal(deps.db, {
    at: deps.now().toISOString(),
    kind: 'payment.approved',
    ref: a.id,
    body: { attemptId: a.id, saleId: sale.saleId, amountMinor: a.amountMinor, ...more },
  });
  return sale;
}
