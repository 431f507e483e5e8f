// The part of a card or QR payment dialog that both share: the phase, main's answers and pushed events
// moving it on, "check now" for an unknown outcome, and handing a completed sale to the screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PaymentResultView, PaymentView } from '@contract/contract';
import type { Result } from '@contract/result';
import type { Actions } from '../app/actions';
import { fromCall, fromEvent, fromResult, type Next, type Phase } from './phase';

export type PhaseActions = Pick<
  Actions,
  | 'resolvePayment'
  | 'onPayment'
  | 'onPaymentError'
  | 'saleDetail'
  | 'paymentCompleted'
  | 'paymentEnded'
  | 'notify'
>;

export interface PaymentPhase {
  readonly phase: Phase;
  /** the phase as of now, for handlers that outlive a render (events, scanner callbacks) */
  readonly current: () => Phase;
  readonly setPhase: (phase: Phase) => void;
  /** Apply main's answer to a call that may have moved money; `payment` is the attempt in play, if known. */
  readonly settle: (r: Result<PaymentResultView>, payment: PaymentView | null) => void;
  /** "Check now": look an unknown outcome up at the gateway. */
  readonly check: () => Promise<void>;
}

export function usePaymentPhase(
  initial: Phase,
  kind: PaymentView['kind'],
  actions: PhaseActions,
  onDone: () => void,
): PaymentPhase {
  const [phase, setPhaseState] = useState<Phase>(initial);
  const ref = useRef(phase);
  const live = useRef(true);
  const setPhase = useCallback((next: Phase): void => {
    ref.current = next;
    if (live.current) setPhaseState(next);
  }, []);
  const props = useRef({ actions, onDone });
  useEffect(() => {
    props.current = { actions, onDone };
  });

  // The reply and a pushed event can both report the same completion: the sale is handed over once.
  const finished = useRef(false);
  const apply = useCallback(
    (next: Next): void => {
      const { actions: a, onDone: done } = props.current;
      if (finished.current) return;
      if ('done' in next) {
        finished.current = true;
        a.paymentCompleted(next.done);
        done();
        return;
      }
      setPhase(next.phase);
      // Nothing was taken: main has unlocked the cart, so our copy may be stale.
      if (next.phase.step === 'declined' || next.phase.step === 'refused') a.paymentEnded();
    },
    [setPhase],
  );

  useEffect(() => {
    live.current = true;
    const off = props.current.actions.onPayment((event) => {
      let phaseNow = ref.current;
      // A QR start is one long call: its attempt is first seen in the events it pushes meanwhile.
      if (phaseNow.step === 'starting' && event.kind === kind && event.state === 'user_paying') {
        phaseNow = { step: 'waiting', payment: event };
        setPhase(phaseNow);
        return;
      }
      const r = fromEvent(event, phaseNow);
      if (r === null) return;
      if ('phase' in r) return apply({ phase: r.phase });
      void props.current.actions.saleDetail(r.saleId).then((sale) => {
        if (sale && live.current && ref.current.step !== 'declined') apply({ done: sale });
      });
    });
    // A swipe on a hardware reader that main could not use (over an offline limit, unreadable, no contact):
    // shown as if the call had answered with that error.
    const offError = props.current.actions.onPaymentError((e) => {
      const now = ref.current;
      if (now.step !== 'swipe' || now.payment.attemptId !== e.attemptId) return;
      apply(fromCall({ ok: false, error: e.error }, now.payment));
    });
    return () => {
      live.current = false;
      off();
      offError();
    };
  }, [apply, kind, setPhase]);

  const check = async (): Promise<void> => {
    const now = ref.current;
    if (now.step !== 'unknown' || now.checking) return;
    setPhase({ ...now, checking: true });
    const r = await props.current.actions.resolvePayment(now.payment.attemptId);
    if (r.ok) return apply(fromResult(r.value));
    if (r.error.code === 'PAYMENT_DECLINED') return apply(fromCall(r, now.payment));
    // The look-up itself failed: still unknown, say why and let them try again.
    setPhase({ ...now, checking: false });
    props.current.actions.notify('payment.checkFailed', {}, 'error');
  };

  return {
    phase,
    current: () => ref.current,
    setPhase,
    settle: (r, payment) => apply(fromCall(r, payment)),
    check,
  };
}
