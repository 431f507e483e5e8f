// Online or offline: the circuit breaker fed by every gateway answer (card, QR, refunds, the sync worker's
// sends and heartbeats). Built once by the payments runtime; the sync worker and the status bar hear each
// change through `onChange`.
import type { Logger } from '../../native/log/logger';
import { createCircuitBreaker, type BreakerOptions, type CircuitBreaker } from '../gateway/circuit-breaker';
import type { Connectivity } from './card/card-payments';
import type { Outcome } from '../gateway/client';

export interface GatewayConnectivity extends Connectivity {
  readonly breaker: CircuitBreaker;
  /** `listener(online)` after each change, in the order they subscribed */
  onChange(listener: (online: boolean) => void): void;
}

export function createConnectivity(
  log: Logger,
  tuning: Pick<BreakerOptions, 'threshold' | 'baseCooldownMs' | 'maxCooldownMs'> = {},
): GatewayConnectivity {
  const listeners: ((online: boolean) => void)[] = [];
  const breaker = createCircuitBreaker({
    now: Date.now,
    ...tuning,
    onChange: (online) => {
      log(online ? 'info' : 'warn', online ? 'gateway online' : 'gateway offline: store-and-forward');
      for (const l of listeners) l(online);
    },
  });
  return {
    breaker,
    online: () => breaker.online(),
    report: (r: Outcome<unknown>) =>
      r.kind === 'unreachable' || r.kind === 'unknown' ? breaker.failure() : breaker.success(),
    onChange: (l) => void listeners.push(l),
  };
}
