// The status bar's single source: main owns the truth about devices, storage and training mode and pushes
// every change to the UIs. Capabilities (printing, payments) report into it; nothing polls the renderer.
import type { DeviceState, PaymentsStatusView, SignedInStatus, StatusView } from '../api/contract';

export interface StatusService {
  get(): StatusView;
  setGateway(state: DeviceState, detail?: string | null): void;
  setPrinter(state: DeviceState, detail?: string | null): void;
  setStorage(state: 'ok' | 'error', detail?: string | null): void;
  setPayments(p: PaymentsStatusView): void;
  setSignedIn(s: SignedInStatus | null): void;
}

export const NO_PAYMENTS: PaymentsStatusView = {
  pendingCount: 0,
  pendingMinor: 0,
  oldestPendingAt: null,
  nextDeadline: null,
  needsManager: 0,
  uploadsPending: 0,
};

export function createStatusService(trainingMode: boolean, onChange: (s: StatusView) => void): StatusService {
  let current: StatusView = {
    trainingMode,
    gateway: { state: 'not-configured', detail: null },
    printer: { state: 'not-configured', detail: null },
    storage: { state: 'ok', detail: null },
    payments: NO_PAYMENTS,
    signedIn: null,
  };
  const update = (next: StatusView): void => {
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    onChange(current);
  };
  return {
    get: () => current,
    setGateway: (state, detail = null) => update({ ...current, gateway: { state, detail } }),
    setPrinter: (state, detail = null) => update({ ...current, printer: { state, detail } }),
    setStorage: (state, detail = null) => update({ ...current, storage: { state, detail } }),
    setPayments: (payments) => update({ ...current, payments }),
    setSignedIn: (signedIn) => update({ ...current, signedIn }),
  };
}
