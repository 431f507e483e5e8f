// Runs the refund capability: the service, and in the background the refunds whose outcome is unknown (left
// in flight by the last stop, or unanswered since), looked up every 5 s from start() until stop().
import type { Logger } from '../../native/log/logger';
import { createRefundService, type RefundDeps, type RefundService } from './refund-service';

export const RESOLVE_EVERY_MS = 5_000;

export interface RefundRecovery {
  start(): void;
  stop(): void;
}

export interface RefundsRuntime extends RefundRecovery {
  readonly service: RefundService;
}

/** At start(): refunds left in flight become unknown, then every unknown one is looked up now and every 5 s. */
export function createRefundRecovery(
  service: Pick<RefundService, 'recoverAfterCrash' | 'resolveUnknowns'>,
  log: Logger,
  everyMs = RESOLVE_EVERY_MS,
): RefundRecovery {
  let timer: NodeJS.Timeout | null = null;
  // A lookup that fails (offline, a full disk) is tried again at the next tick.
  const resolve = (): void => void service.resolveUnknowns().catch(() => undefined);
  return {
    start() {
      if (timer) return;
      // A refund in flight at the last stop may have gone out: unknown until looked up, in the background.
      const unknownRefunds = service.recoverAfterCrash();
      if (unknownRefunds > 0)
        log('warn', 'refunds in flight at the last stop are being looked up', { unknownRefunds });
      timer = setInterval(resolve, everyMs);
      timer.unref();
      resolve();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export function createRefundsRuntime(deps: RefundDeps & { readonly log: Logger }): RefundsRuntime {
  const service = createRefundService(deps);
  return { service, ...createRefundRecovery(service, deps.log) };
}
