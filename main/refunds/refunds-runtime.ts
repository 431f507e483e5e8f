// Runs the refund capability: the service, and in the background the refunds whose outcome is unknown (left
// in flight by the last stop, or unanswered since), looked up every 5 s from start() until stop().
import type { Logger } from '../../native/log/logger';
import { createRefundService, type RefundDeps, type RefundService } from './refund-service';

export const RESOLVE_EVERY_MS = 5_000;

export interface RefundsRuntime {
  readonly service: RefundService;
  start(): void;
  stop(): void;
}

export function createRefundsRuntime(deps: RefundDeps & { readonly log: Logger }): RefundsRuntime {
  const service = createRefundService(deps);
  let timer: NodeJS.Timeout | null = null;
  const resolve = (): void => void service.resolveUnknowns().catch(() => undefined);
  return {
    service,
    start() {
      if (timer) return;
      // A refund in flight at the last stop may have gone out: unknown until looked up, in the background.
      const unknownRefunds = service.recoverAfterCrash();
      if (unknownRefunds > 0)
        deps.log('warn', 'refunds in flight at the last stop are being looked up', { unknownRefunds });
      timer = setInterval(resolve, RESOLVE_EVERY_MS);
      timer.unref();
      resolve();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
