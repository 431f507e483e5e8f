// The scanner is one window-level listener owned by the sale screen; a payment dialog that is waiting for a
// card or a payment code borrows its output through this slot while it is open.
import type { RefObject } from 'react';

export interface PaymentInput {
  /** A scanned code (a customer's payment code, while the QR dialog waits for one). */
  readonly scan?: (code: string, terminator: 'enter' | 'tab' | 'timeout') => void;
  /** A card swipe's tracks: pass them straight to main and keep nothing. */
  readonly swipe?: (tracks: string) => void;
  /** A swipe the reader could not read. */
  readonly badSwipe?: () => void;
}

export type PaymentInputSlot = RefObject<PaymentInput | null>;
