// QR micropay: every path a POS must handle, with the customer's answer driven by polls or by the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayErrorSchema, QrOrderSchema, type QrOrder } from '../../../../main/gateway/protocol/schemas';
import { idem, ref, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ qrTiming: { confirmAfterQueries: 2, confirmAfterMs: 3000 } });
});
afterAll(() => h.gw.close());

const WECHAT = '134567890123456789';
const ALIPAY = '2845678901234567';
const UNIONPAY = '6212345678901234567';

const micropayBody = (amountMinor: number, scheme = 'wechat', authCode = WECHAT) => ({
  reference: ref('qr'),
  amountMinor,
  currency: 'USD',
  scheme,
  authCode,
  subject: 'Coffee',
});

async function pay(amountMinor: number): Promise<QrOrder> {
  const r = await h.call('POST', '/v1/qr/micropay', micropayBody(amountMinor), { key: idem() });
  expect(r.status).toBe(200);
  return QrOrderSchema.parse(r.json);
}
const query = async (reference: string): Promise<QrOrder> =>
  QrOrderSchema.parse((await h.call('GET', `/v1/qr/orders?reference=${reference}`)).json);
const reverse = async (reference: string): Promise<QrOrder> =>
  QrOrderSchema.parse(
    (await h.call('POST', `/v1/qr/orders/${reference}/reverse`, undefined, { key: idem() })).json,
  );

describe('micropay', () => {
  it('succeeds at once for an ordinary amount', async () => {
    const o = await pay(1200);
    expect(o.status).toBe('success');
    expect(o.paidAt).not.toBeNull();
    expect((await query(o.reference)).status).toBe('success');
  });

  it('fails at once for an amount ending in 51', async () => {
    expect((await pay(1251)).status).toBe('failed');
  });

  it('user_paying -> success on the second poll (02)', async () => {
    const o = await pay(1202);
    expect([o.status, o.paidAt]).toEqual(['user_paying', null]);
    expect((await query(o.reference)).status).toBe('user_paying');
    const done = await query(o.reference);
    expect(done.status).toBe('success');
    expect(done.paidAt).toBe(h.clock.now().toISOString());
  });

  it('user_paying -> success once the time has passed, without polls (02)', async () => {
    const o = await pay(2202);
    h.clock.advance(3000);
    expect((await query(o.reference)).status).toBe('success');
  });

  it('user_paying -> failed (03)', async () => {
    const o = await pay(1203);
    await query(o.reference);
    expect((await query(o.reference)).status).toBe('failed');
  });

  it('user_paying forever (04): the client reverses and the order is closed; reversing again changes nothing', async () => {
    const o = await pay(1204);
    for (let i = 0; i < 4; i++) expect((await query(o.reference)).status).toBe('user_paying');
    h.clock.advance(60_000);
    expect((await query(o.reference)).status).toBe('user_paying');
    expect((await reverse(o.reference)).status).toBe('closed');
    expect((await reverse(o.reference)).status).toBe('closed');
    expect((await query(o.reference)).status).toBe('closed');
  });

  it('reversing a paid order gives the money back (reversed); a failed order stays failed', async () => {
    const paid = await pay(1300);
    expect((await reverse(paid.reference)).status).toBe('reversed');
    const failed = await pay(1351);
    expect((await reverse(failed.reference)).status).toBe('failed');
  });

  it('a reverse that arrives after the customer confirmed reverses the payment', async () => {
    const o = await pay(1402);
    h.clock.advance(3000);
    expect((await reverse(o.reference)).status).toBe('reversed');
  });

  it('checks the payment code against the scheme', async () => {
    for (const [scheme, code] of [
      ['alipay', ALIPAY],
      ['unionpay', UNIONPAY],
    ] as const) {
      const r = await h.call('POST', '/v1/qr/micropay', micropayBody(500, scheme, code), { key: idem() });
      expect(QrOrderSchema.parse(r.json).scheme).toBe(scheme);
    }
    const wrong = await h.call('POST', '/v1/qr/micropay', micropayBody(500, 'alipay', WECHAT), {
      key: idem(),
    });
    expect(wrong.status).toBe(400);
    expect(GatewayErrorSchema.parse(wrong.json).error.message).toContain('wechat');
    const none = await h.call('POST', '/v1/qr/micropay', micropayBody(500, 'wechat', '9912345678901234'), {
      key: idem(),
    });
    expect(none.status).toBe(400);
  });

  it('404 for an unknown order on query and reverse', async () => {
    expect((await h.call('GET', '/v1/qr/orders?reference=unknown-ref-1')).status).toBe(404);
    const r = await h.call('POST', '/v1/qr/orders/unknown-ref-1/reverse', undefined, { key: idem() });
    expect(r.status).toBe(404);
  });

  it('a reverse that finds no order closes the reference: a micropay arriving later is refused, nothing charged', async () => {
    const body = micropayBody(1200);
    const r = await h.call('POST', `/v1/qr/orders/${body.reference}/reverse`, undefined, { key: idem() });
    expect(r.status).toBe(404);
    const late = await h.call('POST', '/v1/qr/micropay', body, { key: idem() });
    expect(late.status).toBe(409);
    expect(GatewayErrorSchema.parse(late.json).error).toMatchObject({ code: 'idempotency_conflict' });
    expect(h.gw.ledger.qrOrders().filter((o) => o.reference === body.reference)).toEqual([]);
    // Another reference is not affected.
    expect((await pay(1200)).status).toBe('success');
  });
});
