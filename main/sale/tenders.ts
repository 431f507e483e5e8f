// What a list of tenders writes: each tender's amount, what cash was handed over and the change. The rules hold
// for one tender or several (split tender): the tenders pay exactly the total; a card or QR tender pays the
// amount its payment was for; at most one tender is cash, it pays what the others leave and only it gives
// change.
import type { TenderView } from '../api/contract';
import { PosFailure } from '../api/result';

/** Cash handed over; its amount is what the other tenders leave due. */
export interface CashTenderInput {
  readonly kind: 'cash';
  readonly tenderedMinor: number;
}

/** A settled card or QR payment, for exactly its amount. */
export interface PaymentTenderInput {
  readonly kind: 'card' | 'qr';
  readonly amountMinor: number;
  readonly attemptId: string;
  readonly reference: string;
  readonly brand: string | null;
  readonly last4: string | null;
  readonly authCode: string | null;
  readonly storedOffline: boolean;
}

export type TenderInput = CashTenderInput | PaymentTenderInput;

export type WrittenTender = TenderView & { readonly attemptId: string | null };

/** The tender of a cash payment of `dueMinor` with `tenderedMinor` handed over. */
export function cashTenderView(dueMinor: number, tenderedMinor: number): TenderView {
  return {
    kind: 'cash',
    amountMinor: dueMinor,
    tenderedMinor,
    changeMinor: tenderedMinor - dueMinor,
    reference: null,
    brand: null,
    last4: null,
    authCode: null,
    storedOffline: false,
  };
}

const doesNotAddUp = (paid: number, total: number): PosFailure =>
  new PosFailure('INTERNAL', `tenders pay ${paid}, the sale is ${total}`, { paid, total });

/** The tenders to write for a sale of `totalMinor`, in the order given; refuses a list that does not add up. */
export function tendersFor(totalMinor: number, tenders: readonly TenderInput[]): WrittenTender[] {
  const payments = tenders.filter((t): t is PaymentTenderInput => t.kind !== 'cash');
  const cash = tenders.filter((t): t is CashTenderInput => t.kind === 'cash');
  if (cash.length > 1) {
    throw new PosFailure('INTERNAL', 'at most one cash tender a sale', { cashTenders: cash.length });
  }
  for (const p of payments) {
    if (!Number.isSafeInteger(p.amountMinor) || p.amountMinor <= 0) {
      throw new PosFailure('INTERNAL', `payment ${p.attemptId} pays ${p.amountMinor}`, {
        attemptId: p.attemptId,
      });
    }
  }
  const paidByPayments = payments.reduce((sum, p) => sum + p.amountMinor, 0);
  const due = totalMinor - paidByPayments;
  const given = cash[0];
  if (given === undefined) {
    if (due !== 0) throw doesNotAddUp(paidByPayments, totalMinor);
  } else {
    // Cash pays what the payments leave; a list where they already pay it all (or more) has no cash share.
    if (due <= 0 && totalMinor > 0) throw doesNotAddUp(paidByPayments, totalMinor);
    if (given.tenderedMinor < due) {
      throw new PosFailure('TENDER_INSUFFICIENT', 'Cash given is less than the total due', {
        totalMinor: due,
        tenderedMinor: given.tenderedMinor,
      });
    }
  }
  return tenders.map((t): WrittenTender => {
    if (t.kind === 'cash') return { ...cashTenderView(due, t.tenderedMinor), attemptId: null };
    const { attemptId, ...rest } = t;
    return { ...rest, tenderedMinor: t.amountMinor, changeMinor: 0, attemptId };
  });
}
