// The payment.* channels. A payment that completed a sale queued its receipt and its upload: the workers are
// woken after the answer (WorkSignal.after).
import type { Handlers } from '../ipc/dispatcher';
import type { Approvals } from '../staff/approvals';
import type { WorkSignal } from '../store/work-signal';
import type { PaymentsRuntime } from './payments-runtime';

export type PaymentChannels =
  | 'payment.startCard'
  | 'payment.wedgeSwipe'
  | 'payment.trainingSwipe'
  | 'payment.cancel'
  | 'payment.get'
  | 'payment.resolve'
  | 'payment.recovery'
  | 'payment.acknowledge'
  | 'payment.startQr';

export interface PaymentHandlerDeps {
  readonly payments: PaymentsRuntime;
  readonly approvals: Approvals;
  readonly work: Pick<WorkSignal, 'after'>;
}

export function paymentHandlers({
  payments,
  approvals,
  work,
}: PaymentHandlerDeps): Pick<Handlers, PaymentChannels> {
  return {
    'payment.startCard': ({ override, ...input }) =>
      payments.startCard(input, override ? approvals.approve('payments.offlineOverride', override) : null),
    'payment.wedgeSwipe': ({ attemptId, tracks }) => work.after(payments.wedgeSwipe(attemptId, tracks)),
    'payment.trainingSwipe': ({ attemptId, testCard }) =>
      work.after(payments.trainingSwipe(attemptId, testCard)),
    'payment.cancel': ({ attemptId }) => payments.cancel(attemptId),
    'payment.get': ({ attemptId }) => payments.get(attemptId),
    'payment.resolve': ({ attemptId }) => work.after(payments.resolve(attemptId)),
    'payment.recovery': () => payments.recovery(),
    'payment.acknowledge': ({ attemptId, approval }) =>
      payments.acknowledge(attemptId, approvals.approve('payments.acknowledge', approval)),
    'payment.startQr': (input) => work.after(payments.startQr(input)),
  };
}
