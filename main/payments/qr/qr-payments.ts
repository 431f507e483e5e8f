// Where a QR "micropay" (付款码支付) is decided: the customer shows a WeChat Pay / Alipay / UnionPay code, the
// cashier scans it, the gateway charges it. The answer may be "user paying" (the customer confirms on the
// phone): poll the order by reference for a bounded time, then reverse it if still unpaid. An unknown answer is
// looked up the same way; one that cannot be resolved within the limit is reversed, so the customer is never
// charged for a sale the till did not record. QR payments are online only; the one-time code is never stored
// (only a masked form), and never resent: a new attempt needs a fresh code.
import type { Database } from '../../store/db';
import type { SaleView } from '../../api/contract';
import { PosFailure } from '../../api/result';
import { appendJournal } from '../../audit/journal';
import type { Checkout } from '../../sale/checkout';
import type { SaleSettings } from '../../sale/ports';
import type { Attempt, AttemptRepo } from '../attempts/attempt-repo';
import type { Connectivity } from '../card/card-payments';
import { classifyScan, maskPaymentCode } from '../codes';
import type { GatewayClient, Outcome } from '../../gateway/client';
import type { MicropayRequest, QrOrder } from '../../gateway/protocol/schemas';
import { writeApprovedSale } from '../settled-sale';
import { paymentLocks } from '../tender-locks';

export interface QrTiming {
  readonly pollEveryMs: number;
  /** after this many polls still "user paying" (or unknown), the order is reversed */
  readonly maxPolls: number;
}

export const DEFAULT_QR_TIMING: QrTiming = { pollEveryMs: 2_000, maxPolls: 15 };

export type QrResult =
  | { readonly outcome: 'approved'; readonly attempt: Attempt; readonly sale: SaleView }
  | { readonly outcome: 'declined'; readonly attempt: Attempt }
  | { readonly outcome: 'unknown'; readonly attempt: Attempt };

export interface QrPaymentDeps {
  readonly db: Database;
  readonly attempts: AttemptRepo;
  /** opens the cart for tender and writes the sale (main/sale/checkout.ts) */
  readonly checkout: Checkout;
  readonly settings: Pick<SaleSettings, 'terminalId'>;
  readonly gateway: () => GatewayClient | null;
  readonly connectivity: Connectivity;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly timing?: QrTiming;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onChange?: (a: Attempt) => void;
}

export interface QrPayments {
  pay(input: { cartId: string; cartVersion: number; code: string }): Promise<QrResult>;
  /**
   * Follows up a QR payment nobody in this process is following (after a restart, or one whose answer could
   * not be written): `unknown` and `user_paying` are polled by reference within the bound and reversed if
   * still unpaid; `reversing` is reversed. The manager's "check now" and the background resolver call it.
   */
  resume(attemptId: string): Promise<QrResult>;
  /** Every QR payment left open with nothing following it: made unknown if it was mid-request, then resumed. */
  resumeStranded(): Promise<void>;
}

export function createQrPayments(deps: QrPaymentDeps): QrPayments {
  const { db, attempts } = deps;
  const timing = deps.timing ?? DEFAULT_QR_TIMING;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const changed = (a: Attempt): Attempt => {
    deps.onChange?.(a);
    return a;
  };
  const tx = <T>(fn: () => T): T => db.transaction(fn).immediate();

  const approve = (a: Attempt, order: QrOrder): QrResult =>
    tx(() => {
      const moved = attempts.move(a.id, a.state, 'approved', {
        gatewayId: order.orderId,
        message: order.message,
      });
      const facts = { brand: moved.qrScheme, last4: null, authCode: null, storedOffline: false };
      const sale = writeApprovedSale(deps, moved, facts, {
        scheme: moved.qrScheme,
        gatewayId: order.orderId,
      });
      return { outcome: 'approved' as const, attempt: changed(attempts.byId(a.id) ?? moved), sale };
    });

  const decline = (a: Attempt, message: string, code: string | null): QrResult =>
    tx(() => {
      const moved = attempts.move(a.id, a.state, 'declined', { message, responseCode: code });
      appendJournal(db, {
        at: deps.now().toISOString(),
        kind: 'payment.declined',
        ref: a.id,
        body: { attemptId: a.id, amountMinor: a.amountMinor, scheme: moved.qrScheme, message },
      });
      return { outcome: 'declined' as const, attempt: changed(moved) };
    });

  /** Reverse an order that is still unpaid or unknown at the limit; cancelled once the gateway confirms. */
  const reverse = async (a: Attempt, client: GatewayClient): Promise<QrResult> => {
    let cur = a.state === 'reversing' ? a : changed(tx(() => attempts.move(a.id, a.state, 'reversing')));
    for (let i = 0; i < timing.maxPolls; i++) {
      const r = await client.reverseQr(a.id, `reverse:${a.id}`);
      deps.connectivity.report(r);
      if (r.kind === 'ok' || (r.kind === 'rejected' && r.code === 'not_found')) {
        cur = tx(() =>
          attempts.move(a.id, 'reversing', 'cancelled', { message: 'reversed: not paid in time' }),
        );
        tx(() =>
          appendJournal(db, {
            at: deps.now().toISOString(),
            kind: 'payment.reversed',
            ref: a.id,
            body: { attemptId: a.id, amountMinor: a.amountMinor },
          }),
        );
        return { outcome: 'declined', attempt: changed(cur) };
      }
      await sleep(timing.pollEveryMs);
    }
    // Still reversing: it stays on the manager's recovery screen; the cart stays locked until it ends.
    return { outcome: 'unknown', attempt: cur };
  };

  const follow = async (a: Attempt, client: GatewayClient): Promise<QrResult> => {
    let cur = a;
    for (let poll = 0; poll < timing.maxPolls; poll++) {
      await sleep(timing.pollEveryMs);
      const q = await client.queryQr(a.id);
      deps.connectivity.report(q);
      cur = attempts.byId(a.id) ?? cur;
      if (q.kind === 'ok' && q.value !== null) {
        const order = q.value;
        if (order.status === 'success') return approve(cur, order);
        if (order.status === 'failed' || order.status === 'closed' || order.status === 'reversed') {
          return decline(cur, order.message, order.status);
        }
        if (cur.state === 'unknown') cur = changed(tx(() => attempts.move(a.id, 'unknown', 'user_paying')));
      } else if (q.kind === 'ok' && q.value === null && cur.state === 'unknown') {
        // Not at the gateway YET: the micropay may still be on its way (a slow link, a queue). Reversing closes
        // its reference there, so a late micropay is refused instead of charging; then the cart is free.
        return reverse(cur, client);
      }
      cur = attempts.byId(a.id) ?? cur;
    }
    return reverse(cur, client);
  };

  // QR payments this process is following right now (pay, or a resume): the others are stranded.
  const inFlight = new Set<string>();
  const following = async (id: string, fn: () => Promise<QrResult>): Promise<QrResult> => {
    inFlight.add(id);
    try {
      return await fn();
    } finally {
      inFlight.delete(id);
    }
  };

  const resume = async (attemptId: string): Promise<QrResult> => {
    const a = attempts.byId(attemptId);
    if (!a || a.kind !== 'qr') throw new PosFailure('NOT_FOUND', `No QR payment ${attemptId}`, { attemptId });
    if (inFlight.has(a.id)) return { outcome: 'unknown', attempt: a }; // already being followed
    const client = deps.gateway();
    if (!client) throw new PosFailure('GATEWAY_UNREACHABLE', 'No payment gateway is configured');
    switch (a.state) {
      case 'unknown':
      case 'user_paying':
        return following(a.id, () => follow(a, client));
      case 'reversing':
        return following(a.id, () => reverse(a, client));
      case 'approved':
        throw new PosFailure('PAYMENT_STATE_CHANGED', `QR payment ${a.id} is approved`, { attemptId });
      default:
        return {
          outcome: a.state === 'declined' || a.state === 'cancelled' ? 'declined' : 'unknown',
          attempt: a,
        };
    }
  };

  return {
    resume,
    async resumeStranded() {
      if (!deps.gateway() || !deps.connectivity.online()) return;
      const stranded = attempts
        .inStates(['authorizing'])
        .filter((a) => a.kind === 'qr' && !inFlight.has(a.id));
      for (const a of stranded) {
        changed(
          tx(() => attempts.move(a.id, 'authorizing', 'unknown', { message: 'its answer was not recorded' })),
        );
      }
      const open = attempts
        .inStates(['unknown', 'user_paying', 'reversing'])
        .filter((a) => a.kind === 'qr' && !inFlight.has(a.id));
      for (const a of open) await resume(a.id).catch(() => undefined);
    },
    async pay(input) {
      const scan = classifyScan(input.code);
      if (scan.kind !== 'payment-code') {
        throw new PosFailure('BARCODE_MALFORMED', 'Not a customer payment code', {
          reason: 'not-payment-code',
        });
      }
      const client = deps.gateway();
      if (!client || !deps.connectivity.online()) {
        throw new PosFailure('ONLINE_ONLY', 'QR payments need the payment gateway');
      }
      const a = tx(() => {
        const { cart, view } = deps.checkout.open(input, { locks: paymentLocks(attempts) });
        const created = attempts.insert({
          id: deps.newId(),
          kind: 'qr',
          mode: 'online',
          cartId: cart.id,
          cartVersion: cart.version,
          amountMinor: view.totals.totalMinor,
          currency: view.currency,
        });
        // Committed before the request leaves; the one-time code itself is not kept.
        return attempts.move(created.id, 'created', 'authorizing', {
          qrScheme: scan.scheme,
          qrCodeMasked: maskPaymentCode(scan.code),
        });
      });
      changed(a);
      return following(a.id, () => micropay(a, scan, client));
    },
  };

  /** The micropay request and what its answer means; the attempt is committed `authorizing` already. */
  async function micropay(
    a: Attempt,
    scan: { readonly scheme: MicropayRequest['scheme']; readonly code: string },
    client: GatewayClient,
  ): Promise<QrResult> {
    const body: MicropayRequest = {
      reference: a.id,
      amountMinor: a.amountMinor,
      currency: a.currency,
      scheme: scan.scheme,
      authCode: scan.code,
      subject: deps.settings.terminalId,
    };
    const outcome: Outcome<QrOrder> = await client.micropay(body, a.idempotencyKey);
    deps.connectivity.report(outcome);
    if (outcome.kind === 'ok') {
      const order = outcome.value;
      if (order.status === 'success') return approve(a, order);
      if (order.status === 'user_paying') {
        return follow(changed(tx(() => attempts.move(a.id, 'authorizing', 'user_paying'))), client);
      }
      return decline(a, order.message, order.status);
    }
    if (outcome.kind === 'rejected') return decline(a, outcome.message, outcome.code);
    // Unreachable or unknown: find out by reference (a reverse closes it if it stays unknown).
    return follow(
      changed(tx(() => attempts.move(a.id, 'authorizing', 'unknown', { message: outcome.reason }))),
      client,
    );
  }
}
