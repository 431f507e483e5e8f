// The refund.* channels.
import type { Handlers } from '../ipc/dispatcher';
import type { Approvals } from '../staff/approvals';
import type { WorkSignal } from '../store/work-signal';
import type { RefundService } from './refund-service';

export type RefundChannels =
  'refund.prepare' | 'refund.issue' | 'refund.get' | 'refund.open' | 'refund.resolve';

export interface RefundHandlerDeps {
  readonly refunds: RefundService;
  readonly approvals: Approvals;
  /** a completed refund queued its slip (and a cash one a drawer kick) */
  readonly work: Pick<WorkSignal, 'after'>;
}

export function refundHandlers({
  refunds,
  approvals,
  work,
}: RefundHandlerDeps): Pick<Handlers, RefundChannels> {
  return {
    'refund.prepare': ({ saleId }) => refunds.prepare(saleId),
    // The approval is asked for only once the checks that cost no PIN have passed (refund-service.ts).
    'refund.issue': ({ approval, ...req }) =>
      work.after(refunds.issue(req, () => approvals.approve('refund.issue', approval))),
    'refund.get': ({ refundId }) => refunds.get(refundId),
    'refund.open': () => refunds.open(),
    'refund.resolve': ({ refundId }) => work.after(refunds.resolve(refundId)),
  };
}
