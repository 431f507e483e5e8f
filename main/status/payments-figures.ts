// The status bar's payment figures: the gateway's state and what payments report, with the card/QR refunds
// whose outcome is not known yet counted among what a manager must see (they are listed on the same alerts
// screen). Payments report through `report`; a refund that changed state asks for a `refresh`.
import type { DeviceState, PaymentsStatusView } from '../api/contract';
import type { StatusService } from './status-service';

export interface PaymentsFiguresDeps {
  readonly status: Pick<StatusService, 'setGateway' | 'setPayments'>;
  /** card/QR refunds still sending or unknown */
  readonly refunds: { countOpen(): number };
  /** false once the store is closed: a refund settling after close() (its request was in flight) shows nothing */
  readonly storeOpen: () => boolean;
}

export interface PaymentsFigures {
  report(gateway: DeviceState, detail: string | null, p: PaymentsStatusView): void;
  refresh(): void;
}

export function createPaymentsFigures(d: PaymentsFiguresDeps): PaymentsFigures {
  let last: PaymentsStatusView | null = null;
  const refresh = (): void => {
    if (last === null || !d.storeOpen()) return;
    d.status.setPayments({ ...last, needsManager: last.needsManager + d.refunds.countOpen() });
  };
  return {
    report(gateway, detail, p) {
      d.status.setGateway(gateway, detail);
      last = p;
      refresh();
    },
    refresh,
  };
}
