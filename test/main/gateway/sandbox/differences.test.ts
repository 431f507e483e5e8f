// Differences on demand through POST /admin/differences: each action changes the ledger and the day's
// settlement the way the real event would, while the till's own view (what it was answered) stays as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PaymentSchema, SettlementSchema, type Settlement } from '../../../../main/gateway/protocol/schemas';
import { readSettlementFile } from '../../../../main/reconciliation/formats/read';
import { authorizeBody, idem, micropayOn, ref, startHarness, tempDir, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ currency: 'USD' });
});
afterAll(() => h.gw.close());

// Each test has a business day of its own, so the settlements do not see each other's payments.
let day = 0;
let date = '';
beforeEach(() => {
  day++;
  date = `2026-04-${String(day).padStart(2, '0')}`;
  h.clock.at = Date.parse(`${date}T10:00:00Z`);
});

interface AdminReply {
  readonly status: number;
  readonly json: {
    payment: { reference: string };
    refund: Record<string, unknown>;
    settledMinor?: number;
  };
}
const admin = async (body: unknown, token = 'admin-secret'): Promise<AdminReply> => {
  const res = await fetch(`${h.gw.url}/admin/differences`, {
    method: 'POST',
    headers: { 'x-admin-token': token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as AdminReply['json'] };
};
/** an action on terminal T01 the sandbox must accept: its reply */
const applied = async (action: string, fields: Record<string, unknown> = {}): Promise<AdminReply['json']> => {
  const r = await admin({ action, terminalId: 'T01', ...fields });
  expect(r.status, action).toBe(200);
  return r.json;
};
const settlement = async (): Promise<Settlement> =>
  SettlementSchema.parse((await h.call('GET', `/v1/settlements/${date}`)).json);
const authorize = async (amountMinor: number, extra: Parameters<typeof authorizeBody>[0] = {}) =>
  PaymentSchema.parse(
    (
      await h.call('POST', '/v1/payments/authorize', authorizeBody({ amountMinor, ...extra }), {
        key: idem(),
      })
    ).json,
  );
const lookup = async (reference: string) => h.call('GET', `/v1/payments?reference=${reference}`);

describe('charge without the till knowing', () => {
  it('under a reference the till never sent: a card payment in the ledger and the settlement', async () => {
    const mine = await authorize(1000);
    const r = await applied('charge', { tender: 'card', amountMinor: 2500 });
    const reference = r.payment.reference;
    expect(reference).toMatch(/^portal-/);
    expect(reference).not.toBe(mine.reference);
    const s = await settlement();
    expect(s.payments.map((p) => `${p.reference}:${p.status}:${p.amountMinor}`)).toEqual([
      `${mine.reference}:approved:1000`,
      `${reference}:approved:2500`,
    ]);
    expect(s.totals.approvedMinor).toBe(3500);
    expect(h.gw.ledger.paymentByReference('T01', reference)?.captured).toBe(true);
  });

  it('under the reference of an attempt whose answer was lost: the till finds nothing, the settlement has it', async () => {
    const body = authorizeBody({ amountMinor: 1800 });
    h.gw.setFaults([{ route: 'authorize', kind: 'reset-before-commit', times: 1 }]);
    await expect(h.call('POST', '/v1/payments/authorize', body, { key: idem() })).rejects.toThrow();
    h.gw.clearFaults();
    expect((await lookup(body.reference)).status).toBe(404);

    await applied('charge', { tender: 'qr', scheme: 'alipay', amountMinor: 1800, reference: body.reference });
    const s = await settlement();
    expect(s.payments).toEqual([
      expect.objectContaining({
        kind: 'qr',
        reference: body.reference,
        status: 'success',
        amountMinor: 1800,
        brandOrScheme: 'alipay',
        saleRef: null,
      }),
    ]);
    // A reference the ledger already has is refused: that would be no difference, and two payments under one.
    const again = await admin({
      action: 'charge',
      terminalId: 'T01',
      tender: 'card',
      amountMinor: 1,
      reference: body.reference,
    });
    expect(again.status).toBe(409);
  });
});

describe('refund at the merchant portal', () => {
  it('refunds a card payment the till has as paid: the refund is in the ledger and the settlement', async () => {
    const p = await authorize(1000);
    const r = await applied('portal-refund', { reference: p.reference, amountMinor: 400 });
    expect(r.refund).toMatchObject({ paymentId: p.paymentId, status: 'succeeded', amountMinor: 400 });
    expect(PaymentSchema.parse((await lookup(p.reference)).json)).toMatchObject({
      status: 'approved',
      refundedMinor: 400,
    });
    // Without an amount: all that is left, and the payment is refunded.
    await admin({ action: 'portal-refund', terminalId: 'T01', reference: p.reference });
    const s = await settlement();
    expect(s.payments).toEqual([expect.objectContaining({ status: 'refunded', refundedMinor: 1000 })]);
    expect(s.totals).toMatchObject({ approvedMinor: 1000, refundedMinor: 1000, netMinor: 0 });
    expect((await admin({ action: 'portal-refund', terminalId: 'T01', reference: p.reference })).status).toBe(
      400,
    );
  });

  it('refunds a QR order', async () => {
    const order = await micropayOn(h, 500);
    await applied('portal-refund', { reference: order.reference, amountMinor: 200 });
    const s = await settlement();
    expect(s.payments).toEqual([
      expect.objectContaining({ kind: 'qr', status: 'success', refundedMinor: 200 }),
    ]);
    expect(s.totals.refundedMinor).toBe(200);
  });
});

describe('decline after forward', () => {
  it('declines a forwarded stored offline payment the till was told was approved', async () => {
    const storedOffline = { storedAt: `${date}T09:00:00.000Z`, deadline: `${date}T23:00:00.000Z` };
    const p = await authorize(1200, { storedOffline });
    expect(p.status).toBe('approved');
    await applied('decline-after-forward', { reference: p.reference });
    const s = await settlement();
    expect(s.payments).toEqual([
      expect.objectContaining({ reference: p.reference, status: 'declined', storedOffline: true }),
    ]);
    expect(s.totals.approvedMinor).toBe(0);
  });

  it('declines the next stored offline forwards as they arrive, whatever the card; online sales are not touched', async () => {
    const storedOffline = { storedAt: `${date}T09:00:00.000Z`, deadline: `${date}T23:00:00.000Z` };
    await applied('decline-next-forwards', { count: 1 });
    const online = await authorize(1100);
    const forwarded = await authorize(1200, { storedOffline });
    const next = await authorize(1300, { storedOffline });
    expect([online.status, forwarded.status, next.status]).toEqual(['approved', 'declined', 'approved']);
    expect(forwarded.responseCode).toBe('05');
    const s = await settlement();
    expect(s.payments.map((p) => `${p.status}:${p.storedOffline}`)).toEqual([
      'approved:false',
      'declined:true',
      'approved:true',
    ]);
    expect(s.totals.approvedMinor).toBe(2400);
  });

  it('refuses a payment that was never stored offline', async () => {
    const p = await authorize(1200);
    expect(
      (await admin({ action: 'decline-after-forward', terminalId: 'T01', reference: p.reference })).status,
    ).toBe(400);
    expect((await settlement()).payments[0]?.status).toBe('approved');
  });
});

describe('drop from the settlement, add a fee', () => {
  it('drops a payment (and its refunds) from the settlement; the till still finds it approved', async () => {
    const kept = await authorize(1000);
    const dropped = await authorize(700);
    await h.call(
      'POST',
      `/v1/payments/${dropped.paymentId}/refunds`,
      { reference: ref('rf'), amountMinor: 100, reason: 'x' },
      { key: idem() },
    );
    await applied('drop', { reference: dropped.reference });
    const s = await settlement();
    expect(s.payments.map((p) => p.reference)).toEqual([kept.reference]);
    expect(s.totals).toEqual({ count: 1, approvedMinor: 1000, refundedMinor: 0, netMinor: 1000 });
    expect(PaymentSchema.parse((await lookup(dropped.reference)).json).status).toBe('approved');
  });

  it('shows a fee on the payment’s settlement row, 0 on the others', async () => {
    const a = await authorize(1000);
    const order = await micropayOn(h, 500);
    await applied('fee', { reference: order.reference, feeMinor: 3 });
    const s = await settlement();
    expect(s.payments.map((p) => [p.reference, p.feeMinor])).toEqual([
      [a.reference, 0],
      [order.reference, 3],
    ]);
    // The settlement saved as JSON is what the till imports: the fee reaches its rows and totals.
    const file = path.join(tempDir(), 'settlement.json');
    fs.writeFileSync(file, JSON.stringify(s));
    const read = await readSettlementFile(file, 'gateway-json');
    expect(read.rows.map((r) => [r.reference, r.feeMinor])).toEqual([
      [a.reference, 0],
      [order.reference, 3],
    ]);
    expect(read.summary).toEqual({ rows: 2, chargedMinor: 1500, refundedMinor: 0, feeMinor: 3 });
  });
});

describe('settle another amount, hold refunds', () => {
  it('settles another amount than the till was answered: the row, the totals and the imported rows', async () => {
    const a = await authorize(1000);
    const order = await micropayOn(h, 500);
    const r = await applied('settle-amount', { reference: a.reference, amountMinor: 990 });
    expect(r).toMatchObject({ settledMinor: 990 });
    const s = await settlement();
    expect(s.payments.map((p) => [p.reference, p.amountMinor])).toEqual([
      [a.reference, 990],
      [order.reference, 500],
    ]);
    expect(s.totals).toMatchObject({ approvedMinor: 1490 });
    const file = path.join(tempDir(), 'settled.json');
    fs.writeFileSync(file, JSON.stringify(s));
    const read = await readSettlementFile(file, 'gateway-json');
    expect(read.rows.find((x) => x.reference === a.reference)?.amountMinor).toBe(990);
    // The till was answered 1000 and still finds that.
    expect(PaymentSchema.parse((await lookup(a.reference)).json).amountMinor).toBe(1000);
  });

  it('leaves a refunded payment’s refunds out of the settlement: approved, nothing refunded', async () => {
    const kept = await authorize(800);
    const held = await authorize(600);
    for (const p of [kept, held]) {
      await h.call(
        'POST',
        `/v1/payments/${p.paymentId}/refunds`,
        { reference: ref('rf'), amountMinor: p.amountMinor, reason: 'x' },
        { key: idem() },
      );
    }
    await applied('hold-refunds', { reference: held.reference });
    const s = await settlement();
    expect(s.payments.map((p) => [p.reference, p.status, p.refundedMinor])).toEqual([
      [kept.reference, 'refunded', 800],
      [held.reference, 'approved', 0],
    ]);
    expect(s.totals).toEqual({ count: 2, approvedMinor: 1400, refundedMinor: 800, netMinor: 600 });
    expect(PaymentSchema.parse((await lookup(held.reference)).json).status).toBe('refunded');
  });

  it('refuses a settled amount of 0 and an unknown payment', async () => {
    const a = await authorize(1000);
    const zero = { action: 'settle-amount', terminalId: 'T01', reference: a.reference, amountMinor: 0 };
    expect((await admin(zero)).status).toBe(400);
    expect((await admin({ action: 'hold-refunds', terminalId: 'T01', reference: 'nope-12345' })).status).toBe(
      404,
    );
  });
});

describe('the admin route', () => {
  it('needs the admin token, a known payment and a valid action', async () => {
    expect(
      (await admin({ action: 'drop', terminalId: 'T01', reference: 'nope-12345' }, 'wrong')).status,
    ).toBe(401);
    expect((await admin({ action: 'drop', terminalId: 'T01', reference: 'nope-12345' })).status).toBe(404);
    expect((await admin({ action: 'explode', terminalId: 'T01' })).status).toBe(400);
    expect(
      (await admin({ action: 'fee', terminalId: 'T01', reference: 'nope-12345', feeMinor: -1 })).status,
    ).toBe(400);
  });
});
