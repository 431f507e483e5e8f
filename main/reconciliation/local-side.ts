// The till's side of a day as the matcher sees it: the day's card and QR tenders (with their payment
// attempt), its completed card and QR refunds, and two readers for what lies outside the day (an attempt
// by its id, a payment's refunds on any day). Read from the store by local-reader.ts.
export interface LocalTender {
  readonly saleId: string;
  readonly receiptNo: string;
  readonly kind: 'card' | 'qr';
  readonly amountMinor: number;
  /** also the reference the till sent to the gateway */
  readonly attemptId: string;
  readonly attemptState: string;
  /** card brand or QR scheme */
  readonly brand: string | null;
  /** when the attempt was made (ISO-8601 UTC) */
  readonly at: string;
  readonly operatorId: string | null;
  readonly terminalId: string;
}

export interface LocalRefund {
  readonly refundId: string;
  readonly refundNo: string;
  readonly saleId: string;
  readonly attemptId: string;
  readonly kind: 'card' | 'qr';
  readonly amountMinor: number;
  readonly at: string;
  readonly operatorId: string | null;
}

export interface LocalAttempt {
  readonly attemptId: string;
  readonly kind: 'card' | 'qr';
  readonly state: string;
  readonly saleId: string | null;
  readonly amountMinor: number;
  readonly brand: string | null;
  readonly at: string;
}

export interface LocalSide {
  readonly tenders: readonly LocalTender[];
  /** the day's completed card and QR refunds */
  readonly refunds: readonly LocalRefund[];
  attempt(attemptId: string): LocalAttempt | null;
  /** the completed refunds of one payment, whichever day they were done */
  refundsOf(attemptId: string): readonly LocalRefund[];
}
