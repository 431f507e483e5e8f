// Cash tender logic, separate from its layout. Two safety rules live here:
// - one call at a time: a ref guards against a double Enter/click before React re-renders;
// - if the connection drops mid-call we cannot know whether the sale completed, so the exact same
//   request (cartId + cartVersion + amount) is kept and "retry" resends it: main answers a retry of a
//   completed tender with the same sale instead of charging twice.
import { useRef, useState } from 'react';
import type { CartView, SaleView } from '@contract/contract';
import type { Result } from '@contract/result';
import type { TenderInput } from '../app/actions';
import { tryParseAmount } from '../format/parse';
import { isConnectionLost } from '../platform/connection-lost';

export interface TenderState {
  readonly text: string;
  readonly setText: (update: (text: string) => string) => void;
  readonly dueMinor: number;
  /** what the customer handed over; the due amount while the field is empty */
  readonly tendered: { ok: true; minor: number } | { ok: false; reason: string };
  readonly changeMinor: number | null;
  readonly shortMinor: number | null;
  readonly busy: boolean;
  /** a request whose outcome is unknown (connection lost): only an identical retry is allowed */
  readonly retrying: boolean;
  readonly canConfirm: boolean;
  readonly confirm: () => Promise<void>;
}

export function useTender(
  cart: CartView,
  currency: string,
  onTender: (input: TenderInput) => Promise<Result<SaleView>>,
): TenderState {
  const [text, setTextState] = useState('');
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ input: TenderInput; dueMinor: number } | null>(null);
  const inFlight = useRef(false);

  const dueMinor = pending?.dueMinor ?? cart.totals.totalMinor;
  const tendered: TenderState['tendered'] = pending
    ? { ok: true, minor: pending.input.tenderedMinor }
    : text.trim() === ''
      ? { ok: true, minor: dueMinor }
      : tryParseAmount(text, currency);
  const shortMinor = tendered.ok && tendered.minor < dueMinor ? dueMinor - tendered.minor : null;
  const changeMinor = tendered.ok && shortMinor === null ? tendered.minor - dueMinor : null;
  const canConfirm =
    !busy && tendered.ok && shortMinor === null && (pending !== null || cart.lines.length > 0);

  const confirm = async (): Promise<void> => {
    if (inFlight.current || !canConfirm || !tendered.ok) return;
    inFlight.current = true;
    setBusy(true);
    const input = pending?.input ?? {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: tendered.minor,
    };
    const result = await onTender(input);
    inFlight.current = false;
    setBusy(false);
    if (!result.ok) setPending(isConnectionLost(result.error) ? { input, dueMinor } : null);
  };

  return {
    text,
    setText: (update) => {
      if (!pending && !busy) setTextState(update);
    },
    dueMinor,
    tendered,
    changeMinor,
    shortMinor,
    busy,
    retrying: pending !== null,
    canConfirm,
    confirm,
  };
}
