// Type-level test of the contract's derived guards, checked by `tsc -p tsconfig.json` (a step of `npm test`).
// Each @ts-expect-error below must meet an error: if a guard stopped catching what it names, the directive itself
// would fail the type check. The expectTypeOf lines pin what is derived.
import { expectTypeOf } from 'vitest';
import type {
  CartView,
  Channel,
  EventName,
  Events,
  Input,
  Output,
  PaymentState,
  PaymentView,
  PosApi,
  SaleView,
} from '../../../main/api/contract';
import { eventNames, PAYMENT_STATES } from '../../../main/api/contract';
import type { Result } from '../../../main/api/result';
import type { EventListener, Host } from '../../../main/host-types';
import { ATTEMPT_STATES, type AttemptState } from '../../../main/payments/attempts/states';

declare const host: Host;
declare const emit: EventListener;
declare const pos: PosApi;
declare const cart: CartView;
declare const payment: PaymentView;
declare const allButExpired: Record<Exclude<AttemptState, 'expired'>, true>;

export const events = (): unknown[] => [
  // The events are those the capabilities declare, and eventNames lists every one of them.
  expectTypeOf<EventName>().toEqualTypeOf<
    'status' | 'catalogImport' | 'cart' | 'payment' | 'paymentError' | 'journalVerify'
  >(),
  expectTypeOf(eventNames).toEqualTypeOf<readonly EventName[]>(),
  expectTypeOf<Events['cart']>().toEqualTypeOf<CartView>(),
  emit('cart', cart),
  // @ts-expect-error an event main would push without declaring it: not in the derived names, does not compile
  emit('refund', cart),
  // @ts-expect-error the renderer cannot listen for an undeclared event either
  pos.on('refund', () => undefined),
  // @ts-expect-error a declared event with another event's payload
  emit('payment', cart),
];

export const paymentStates = (): unknown[] => [
  // One list: the UI's PaymentState and the attempt state machine's AttemptState are the same type.
  expectTypeOf<AttemptState>().toEqualTypeOf<PaymentState>(),
  expectTypeOf(ATTEMPT_STATES).toEqualTypeOf(PAYMENT_STATES),
  ((): PaymentState => payment.state)(),
  // @ts-expect-error a state the UI knows but the attempts do not (or the other way round) is no PaymentState
  ((): PaymentState => 'refunded')(),
  // @ts-expect-error nor an AttemptState: a machine over the states must name each one (here 'expired' is missing)
  ((): Record<AttemptState, true> => allButExpired)(),
];
export const dispatch = async (): Promise<unknown[]> => [
  // Typed per channel: the answer is the channel's output, the input its schema's type.
  expectTypeOf(host.dispatch('cart.scan', { code: '6901234567892' })).resolves.toEqualTypeOf<
    Result<CartView>
  >(),
  expectTypeOf<Output<'sale.last'>>().toEqualTypeOf<SaleView | null>(),
  expectTypeOf<Input<'cart.setQuantity'>>().toEqualTypeOf<{ lineId: string; qtyMilli: number }>(),
  // @ts-expect-error a wrong input: a field the schema does not have
  await host.dispatch('cart.scan', { barcode: '6901234567892' }),
  // @ts-expect-error a wrong input: a field of the wrong type
  await host.dispatch('sale.tenderCash', { cartId: 'c', cartVersion: '1', tenderedMinor: 100 }),
  // @ts-expect-error a wrong input: a required field missing
  await host.dispatch('refund.get', {}),
  // @ts-expect-error no such channel
  await host.dispatch('cart.nope', {}),
  // @ts-expect-error the answer is not another channel's
  ((r: Result<SaleView>) => r)(await host.dispatch('cart.get', {})),
  // The transports' entry takes anything (it is validated at run time) and answers unknown.
  expectTypeOf(host.dispatchUntyped('anything', 42)).resolves.toEqualTypeOf<Result<unknown>>(),
  expectTypeOf<Channel>().toExtend<`${string}.${string}`>(),
];
