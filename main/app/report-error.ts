// The renderer's uncaught errors, into the log file (app.reportError). The payload is already checked and
// capped by the contract; what is written is redacted at the sink (native/log/redact.ts). A page stuck in an
// error loop must not flood the log: at most REPORTS_PER_MINUTE are written, the rest counted and the count
// written with the next report let through.
import type { Logger } from '../../native/log/logger';
import type { Handlers } from '../ipc/dispatcher';

export const REPORTS_PER_MINUTE = 20;

export function reportErrorHandler(log: Logger, now: () => Date): Pick<Handlers, 'app.reportError'> {
  let windowStart = -Infinity;
  let inWindow = 0;
  let dropped = 0;
  return {
    'app.reportError': ({ source, message, stack }) => {
      const t = now().getTime();
      if (t - windowStart >= 60_000) {
        windowStart = t;
        inWindow = 0;
      }
      if (inWindow >= REPORTS_PER_MINUTE) {
        dropped++;
        return { logged: false };
      }
      inWindow++;
      log('error', 'renderer error', {
        source,
        message,
        ...(stack === undefined ? {} : { stack }),
        ...(dropped > 0 ? { droppedBefore: dropped } : {}),
      });
      dropped = 0;
      return { logged: true };
    },
  };
}
