// Card and QR payments. PAYMENT_STATES is THE list of payment attempt states: main/payments/attempts/states.ts
// builds its state machine over it, so the UI's PaymentState and the stored states cannot disagree.
import { z } from 'zod';
import type { PosError } from '../result';
import { ApprovalSchema, id } from './shared';
import type { SaleView } from './sale';
import { carries, returns, type ChannelDefs, type EventDefs } from './define';

export const PAYMENT_STATES = [
  'created',
  'authorizing',
  'approved',
  'declined',
  'unknown',
  'user_paying',
  'reversing',
  'cancelled',
  'stored',
  'forwarding',
  'forward_unknown',
  'forward_approved',
  'forward_declined',
  'expired',
] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** A payment attempt as the UI may see it: brand and last four at most, never card data. */
export interface PaymentView {
  readonly attemptId: string;
  readonly kind: 'card' | 'qr';
  readonly mode: 'online' | 'offline';
  readonly state: PaymentState;
  readonly amountMinor: number;
  readonly currency: string;
  readonly brand: string | null;
  readonly last4: string | null;
  readonly qrScheme: 'wechat' | 'alipay' | 'unionpay' | null;
  readonly authCode: string | null;
  readonly responseCode: string | null;
  readonly message: string | null;
  readonly saleId: string | null;
  readonly storedAt: string | null;
  readonly forwardDeadline: string | null;
  readonly acknowledged: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface PaymentResultView {
  /** approved/stored: the sale is complete; declined: try another way; unknown: being looked up; pending: waiting */
  readonly outcome: 'approved' | 'stored' | 'declined' | 'unknown' | 'pending';
  readonly payment: PaymentView;
  readonly sale: SaleView | null;
}

/** A swipe on a hardware reader that main could not use for the waiting payment (the dialog shows why). */
export interface PaymentErrorEvent {
  readonly attemptId: string;
  readonly error: PosError;
}

const byAttempt = z.strictObject({ attemptId: id });

export const paymentChannels = {
  /**
   * Starts a card payment of the cart's total; the cart is locked until it ends. `customerContact` is asked for
   * when the gateway is offline (store-and-forward); `override` is a manager's approval to exceed the offline
   * amount/count caps.
   */
  'payment.startCard': {
    input: z.strictObject({
      cartId: id,
      cartVersion: z.int().min(0),
      customerContact: z.string().trim().max(200).optional(),
      override: ApprovalSchema.optional(),
    }),
    output: returns<PaymentView>(),
  },
  /** A keyboard-wedge reader's track burst, handed straight over: main encrypts it at once and forgets it. */
  'payment.wedgeSwipe': {
    input: z.strictObject({ attemptId: id, tracks: z.string().min(1).max(256) }),
    output: returns<PaymentResultView>(),
  },
  /** Training mode: swipe one of the documented test cards on the emulated encrypting reader. */
  'payment.trainingSwipe': {
    input: z.strictObject({
      attemptId: id,
      testCard: z.enum(['visa', 'unionpay', 'mastercard', 'decline', 'stolen', 'expired', 'bad-read']),
    }),
    output: returns<PaymentResultView>(),
  },
  'payment.cancel': { input: byAttempt, output: returns<PaymentView>() },
  'payment.get': { input: byAttempt, output: returns<PaymentView>() },
  /** Looks an unknown payment up at the gateway now (the recovery screen's "check now"). */
  'payment.resolve': { input: byAttempt, output: returns<PaymentResultView>() },
  /** Payments a manager must see: unknown outcomes, declines after forwarding, expired, and what is stored. */
  'payment.recovery': { input: z.strictObject({}), output: returns<readonly PaymentView[]>() },
  /** A manager has seen (and dealt with) a decline after forwarding or an expired payment. */
  'payment.acknowledge': {
    input: z.strictObject({ attemptId: id, approval: ApprovalSchema }),
    output: returns<PaymentView>(),
  },
  /** A customer-presented payment code (WeChat Pay, Alipay, UnionPay) scanned for the cart's total. */
  'payment.startQr': {
    input: z.strictObject({ cartId: id, cartVersion: z.int().min(0), code: z.string().max(32) }),
    output: returns<PaymentResultView>(),
  },
} as const satisfies ChannelDefs;

export const paymentEvents = {
  /** A payment attempt changed state. */
  payment: carries<PaymentView>(),
  paymentError: carries<PaymentErrorEvent>(),
} as const satisfies EventDefs;
