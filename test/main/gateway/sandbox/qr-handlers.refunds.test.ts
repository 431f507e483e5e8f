// QR refunds (POST /v1/qr/orders/{reference}/refunds) and refund lookup by reference (GET /v1/refunds), over
// real HTTP: the same rules as card refunds, one reference space for card and QR refunds, exactly-once
// through the idempotency layer, and the settlement's refund totals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GatewayErrorSchema,
  PaymentSchema,
  QrOrderSchema,
  RefundSchema,
  SettlementSchema,
  type QrOrder,
  type Refund,
} from '../../../../main/gateway/protocol/schemas';
import {
  authorizeBody,
  idem,
  micropayOn,
  ref,
  startHarness,
  T02,
  type CallOptions,
  type Harness,
  type Reply,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ qrTiming: { confirmAfterQueries: 2, confirmAfterMs: 3000 } });
});
afterAll(() => h.gw.close());

async function pay(amountMinor: number): Promise<QrOrder> {
  const r = await h.call(
    'POST',
    '/v1/qr/micropay',
    {
      reference: ref('qr'),
      amountMinor,
      currency: 'USD',
      scheme: 'alipay',
      authCode: '2845678901234567',
      subject: 'Tea',
    },
    { key: idem() },
  );
  expect(r.status).toBe(200);
  return QrOrderSchema.parse(r.json);
}

const refundPath = (orderReference: string): string =>
  `/v1/qr/orders/${encodeURIComponent(orderReference)}/refunds`;

function refundCall(
  orderReference: string,
  amountMinor: number,
  opts: { reference?: string; key?: string } = {},
): Promise<Reply> {
  return h.call(
    'POST',
    refundPath(orderReference),
    { reference: opts.reference ?? ref('qrf'), amountMinor, reason: 'returned goods' },
    { key: opts.key ?? idem() },
  );
}

async function refundQr(orderReference: string, amountMinor: number): Promise<Refund> {
  const r = await refundCall(orderReference, amountMinor);
  expect(r.status).toBe(200);
  return RefundSchema.parse(r.json);
}

const refundedOf = (orderReference: string): number | undefined =>
  h.gw.ledger.qrOrderByReference('T01', orderReference)?.refundedMinor;

describe('QR refunds', () => {
  it('refunds part of a paid order, then the rest; the answer names the order', async () => {
    const o = await pay(1000);
    const first = await refundQr(o.reference, 600);
    expect(first).toMatchObject({ status: 'succeeded', paymentId: o.orderId, amountMinor: 600 });
    expect(first.message).toBe('refunded');
    expect(refundedOf(o.reference)).toBe(600);
    const rest = await refundQr(o.reference, 400);
    expect(rest).toMatchObject({ status: 'succeeded', paymentId: o.orderId, amountMinor: 400 });
    expect(refundedOf(o.reference)).toBe(1000);
    // still a paid order (the protocol has no "refunded" QR status); nothing is left to refund
    const queried = QrOrderSchema.parse((await h.call('GET', `/v1/qr/orders?reference=${o.reference}`)).json);
    expect(queried.status).toBe('success');
    const nothingLeft = await refundQr(o.reference, 1);
    expect(nothingLeft.status).toBe('failed');
    expect(nothingLeft.message).toContain('only 0');
  });

  it('refuses more than what is left, as a recorded failed refund that changes nothing', async () => {
    const o = await pay(1000);
    expect((await refundQr(o.reference, 300)).status).toBe('succeeded');
    const tooMuch = await refundQr(o.reference, 701);
    expect(tooMuch).toMatchObject({ status: 'failed', paymentId: o.orderId, amountMinor: 701 });
    expect(tooMuch.message).toContain('only 700');
    expect(refundedOf(o.reference)).toBe(300);
    expect(h.gw.ledger.refunds('T01').find((r) => r.reference === tooMuch.reference)).toMatchObject({
      kind: 'qr',
      status: 'failed',
    });
    expect((await refundQr(o.reference, 700)).status).toBe('succeeded');
  });

  it('refuses a refund of an order that was not paid: failed, closed, reversed, still user paying', async () => {
    const failed = await pay(1051);
    expect(failed.status).toBe('failed');
    const userPaying = await pay(1004); // the customer never confirms
    const closed = await pay(1104);
    await h.call('POST', `/v1/qr/orders/${closed.reference}/reverse`, undefined, { key: idem() });
    const reversed = await pay(1200);
    await h.call('POST', `/v1/qr/orders/${reversed.reference}/reverse`, undefined, { key: idem() });
    for (const [order, status] of [
      [failed, 'failed'],
      [userPaying, 'user_paying'],
      [closed, 'closed'],
      [reversed, 'reversed'],
    ] as const) {
      const r = await refundQr(order.reference, 100);
      expect(r.status, status).toBe('failed');
      expect(r.message).toContain(`this one is ${status}`);
      expect(refundedOf(order.reference)).toBe(0);
    }
  });

  it('refunds an order whose customer confirmed after micropay answered user paying', async () => {
    const o = await pay(1302);
    h.clock.advance(3000); // the customer has confirmed by now; the refund brings the order up to date
    expect((await refundQr(o.reference, 1302)).status).toBe('succeeded');
  });

  it('replays a retried refund byte for byte and refunds once', async () => {
    const o = await pay(1000);
    const key = idem();
    const reference = ref('qrf');
    const first = await refundCall(o.reference, 400, { key, reference });
    expect(first.status).toBe(200);
    h.clock.advance(20_000);
    const again = await refundCall(o.reference, 400, { key, reference });
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(refundedOf(o.reference)).toBe(400);
    expect(h.gw.ledger.refunds('T01').filter((r) => r.reference === reference)).toHaveLength(1);
    // the same key with another amount is a conflict, not a second refund
    const changed = await refundCall(o.reference, 401, { key, reference });
    expect([changed.status, GatewayErrorSchema.parse(changed.json).error.code]).toEqual([
      409,
      'idempotency_conflict',
    ]);
  });

  it('refuses a used refund reference under a new key (409), whether a QR or a card refund used it', async () => {
    const o = await pay(1000);
    const reference = ref('qrf');
    expect((await refundCall(o.reference, 100, { reference })).status).toBe(200);
    const dup = await refundCall(o.reference, 100, { reference });
    expect(dup.status).toBe(409);
    const error = GatewayErrorSchema.parse(dup.json).error;
    expect(error.code).toBe('idempotency_conflict');
    expect(error.message).toContain('already used by refund');
    expect(refundedOf(o.reference)).toBe(100);

    const card = PaymentSchema.parse(
      (await h.call('POST', '/v1/payments/authorize', authorizeBody({ amountMinor: 1000 }), { key: idem() }))
        .json,
    );
    const cardRefundRef = ref('crf');
    await h.call(
      'POST',
      `/v1/payments/${card.paymentId}/refunds`,
      { reference: cardRefundRef, amountMinor: 100, reason: 'x' },
      { key: idem() },
    );
    const crossed = await refundCall(o.reference, 100, { reference: cardRefundRef });
    expect(crossed.status).toBe(409);
    // ...and the other way round
    const back = await h.call(
      'POST',
      `/v1/payments/${card.paymentId}/refunds`,
      { reference, amountMinor: 100, reason: 'x' },
      { key: idem() },
    );
    expect(back.status).toBe(409);
  });

  it('404 for an unknown order and for another terminal’s order', async () => {
    const unknown = await refundCall('never-paid-0001', 100);
    expect([unknown.status, GatewayErrorSchema.parse(unknown.json).error.code]).toEqual([404, 'not_found']);
    const o = await pay(1000);
    const other = await h.call(
      'POST',
      refundPath(o.reference),
      { reference: ref('qrf'), amountMinor: 100, reason: 'x' },
      { key: idem(), creds: T02 },
    );
    expect(other.status).toBe(404);
    expect(refundedOf(o.reference)).toBe(0);
  });

  it('needs an Idempotency-Key', async () => {
    const o = await pay(1000);
    const r = await h.call('POST', refundPath(o.reference), {
      reference: ref('qrf'),
      amountMinor: 100,
      reason: 'x',
    });
    expect([r.status, GatewayErrorSchema.parse(r.json).error.code]).toEqual([
      400,
      'idempotency_key_required',
    ]);
  });

  it('will not reverse an order that has refunds (the money would go back twice)', async () => {
    const o = await pay(1000);
    await refundQr(o.reference, 100);
    const r = await h.call('POST', `/v1/qr/orders/${o.reference}/reverse`, undefined, { key: idem() });
    expect([r.status, GatewayErrorSchema.parse(r.json).error.code]).toEqual([400, 'invalid_request']);
    expect(h.gw.ledger.qrOrderByReference('T01', o.reference)?.status).toBe('success');
  });
});

describe('refund lookup by reference', () => {
  const lookup = (reference: string, opts: CallOptions = {}) =>
    h.call('GET', `/v1/refunds?reference=${encodeURIComponent(reference)}`, undefined, opts);

  it('finds a card refund and a QR refund, succeeded or failed, as first answered', async () => {
    const card = PaymentSchema.parse(
      (await h.call('POST', '/v1/payments/authorize', authorizeBody({ amountMinor: 800 }), { key: idem() }))
        .json,
    );
    const cardRefund = RefundSchema.parse(
      (
        await h.call(
          'POST',
          `/v1/payments/${card.paymentId}/refunds`,
          { reference: ref('crf'), amountMinor: 800, reason: 'x' },
          { key: idem() },
        )
      ).json,
    );
    const o = await pay(900);
    const qrRefund = await refundQr(o.reference, 500);
    const qrFailed = await refundQr(o.reference, 500);
    expect(qrFailed.status).toBe('failed');
    for (const expected of [cardRefund, qrRefund, qrFailed]) {
      const r = await lookup(expected.reference);
      expect(r.status).toBe(200);
      expect(RefundSchema.parse(r.json)).toEqual(expected);
    }
    expect(RefundSchema.parse((await lookup(cardRefund.reference)).json).paymentId).toBe(card.paymentId);
    expect(RefundSchema.parse((await lookup(qrRefund.reference)).json).paymentId).toBe(o.orderId);
  });

  it('404 not_found for a reference the gateway never saw, and for another terminal’s refund', async () => {
    const none = await lookup('never-refunded-0001');
    expect([none.status, GatewayErrorSchema.parse(none.json).error.code]).toEqual([404, 'not_found']);
    const o = await pay(1000);
    const mine = await refundQr(o.reference, 100);
    expect((await lookup(mine.reference, { creds: T02 })).status).toBe(404);
  });

  it('moves no money: no Idempotency-Key needed, a malformed reference is 400', async () => {
    expect((await h.call('GET', '/v1/refunds?reference=x')).status).toBe(400);
    expect((await h.call('GET', '/v1/refunds')).status).toBe(400);
  });
});

describe('settlement with QR refunds', () => {
  it('counts QR refunds in the order’s refundedMinor and in the day’s totals, on the day they were made', async () => {
    const s = await startHarness({ businessTimeZone: 'UTC' });
    try {
      const micropay = (amountMinor: number) => micropayOn(s, amountMinor);

      const refund = (o: QrOrder, amountMinor: number) =>
        s.call(
          'POST',
          refundPath(o.reference),
          { reference: ref('qrf'), amountMinor, reason: 'x' },
          { key: idem() },
        );
      s.clock.at = Date.parse('2026-03-10T10:00:00Z');
      const a = await micropay(1000);
      const b = await micropay(500);
      const reversed = await micropay(300);
      await s.call('POST', `/v1/qr/orders/${reversed.reference}/reverse`, undefined, { key: idem() });
      await refund(a, 250);
      await refund(a, 5000); // refused: counts nowhere
      s.clock.at = Date.parse('2026-03-11T10:00:00Z');
      await refund(a, 100); // the next day
      await refund(b, 500);

      const day1 = SettlementSchema.parse((await s.call('GET', '/v1/settlements/2026-03-10')).json);
      expect(day1.payments.map((p) => [p.id, p.status, p.refundedMinor])).toEqual([
        [a.orderId, 'success', 350],
        [b.orderId, 'success', 500],
        [reversed.orderId, 'reversed', 300],
      ]);
      expect(day1.totals).toEqual({ count: 3, approvedMinor: 1800, refundedMinor: 550, netMinor: 1250 });
      const day2 = SettlementSchema.parse((await s.call('GET', '/v1/settlements/2026-03-11')).json);
      expect(day2.totals).toEqual({ count: 0, approvedMinor: 0, refundedMinor: 600, netMinor: -600 });
    } finally {
      await s.gw.close();
    }
  });
});
