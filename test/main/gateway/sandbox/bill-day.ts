// One business day of QR payments for the wallet-bill suites: every way a wallet payment reaches (or stays off)
// a wallet's bill, made through the terminal API and the admin differences, with what the bill must then say.
import {
  PaymentSchema,
  QrOrderSchema,
  type QrOrder,
  type QrScheme,
} from '../../../../main/gateway/protocol/schemas';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { readSettlementFile } from '../../../../main/reconciliation/formats/read';
import { authorizeBody, idem, ref, startHarness, tempDir, type Harness } from './harness';

export const BILL_DATE = '2026-03-10';

/** A customer's payment code of each wallet (qr-rules.ts tells the wallets apart by the code). */
const CODES: Record<QrScheme, string> = {
  wechat: '134567890123456789',
  alipay: '284567890123456789',
  unionpay: '6212345678901234567',
};

export interface BillDayFixture {
  readonly h: Harness;
  /** the references of the day's charges of `scheme`, in time order */
  readonly charges: readonly string[];
  readonly feeReference: string;
  readonly expected: { rows: number; chargedMinor: number; refundedMinor: number; feeMinor: number };
}

export async function billDayFixture(scheme: QrScheme): Promise<BillDayFixture> {
  // A Chinese shop: yuan, and the business day is Beijing's (10:00 there is 02:00 UTC).
  const h = await startHarness({ currency: 'CNY', businessTimeZone: 'Asia/Shanghai' });
  h.clock.at = Date.parse(`${BILL_DATE}T02:00:00Z`);
  const tick = (): void => h.clock.advance(60_000);
  const admin = async (body: Record<string, unknown>): Promise<Record<string, { reference: string }>> => {
    const res = await fetch(`${h.gw.url}/admin/differences`, {
      method: 'POST',
      headers: { 'x-admin-token': 'admin-secret', 'content-type': 'application/json' },
      body: JSON.stringify({ terminalId: 'T01', ...body }),
    });
    if (res.status !== 200)
      throw new Error(`admin ${JSON.stringify(body)}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, { reference: string }>;
  };
  const pay = async (amountMinor: number, s: QrScheme = scheme): Promise<QrOrder> => {
    tick();
    const body = {
      reference: ref('qr'),
      amountMinor,
      currency: 'CNY',
      scheme: s,
      authCode: CODES[s],
      subject: 'tea, 2 cups',
    };
    const r = await h.call('POST', '/v1/qr/micropay', body, { key: idem() });
    if (r.status !== 200) throw new Error(`micropay ${amountMinor}: ${r.status} ${r.text}`);
    return QrOrderSchema.parse(r.json);
  };
  const refund = async (order: QrOrder, amountMinor: number): Promise<void> => {
    tick();
    const body = { reference: ref('rf'), amountMinor, reason: 'returned' };
    await h.call('POST', `/v1/qr/orders/${order.reference}/refunds`, body, { key: idem() });
  };

  const withFee = await pay(1000);
  await admin({ action: 'fee', reference: withFee.reference, feeMinor: 6 });
  const refunded = await pay(2000);
  await refund(refunded, 500);
  const reversed = await pay(800);
  tick();
  await h.call('POST', `/v1/qr/orders/${reversed.reference}/reverse`, undefined, { key: idem() });
  const portal = await pay(300);
  tick();
  await admin({ action: 'portal-refund', reference: portal.reference });
  const dropped = await pay(450);
  await admin({ action: 'drop', reference: dropped.reference });
  tick();
  const unknown = (await admin({ action: 'charge', tender: 'qr', scheme, amountMinor: 1200 })).payment;
  await pay(700, scheme === 'wechat' ? 'alipay' : 'wechat'); // the other wallet's
  await pay(204); // the customer is still paying: not final, not billed
  tick();
  PaymentSchema.parse(
    (
      await h.call(
        'POST',
        '/v1/payments/authorize',
        { ...authorizeBody({ amountMinor: 999 }), currency: 'CNY' },
        { key: idem() },
      )
    ).json,
  );
  h.clock.at = Date.parse(`${BILL_DATE}T17:00:00Z`); // 01:00 the next day in Beijing
  await pay(600);
  await refund(withFee, 100);

  return {
    h,
    charges: [withFee, refunded, reversed, portal].map((o) => o.reference).concat(unknown?.reference ?? ''),
    feeReference: withFee.reference,
    expected: {
      rows: 8,
      chargedMinor: 1000 + 2000 + 800 + 300 + 1200,
      refundedMinor: 500 + 800 + 300,
      feeMinor: 6,
    },
  };
}

/** The bill of the fixture's day in `format`, as the admin endpoint serves it. */
export async function fetchBill(h: Harness, format: string, date = BILL_DATE): Promise<Response> {
  return fetch(`${h.gw.url}/admin/bills/${date}?format=${format}`, {
    headers: { 'x-admin-token': 'admin-secret' },
  });
}

/**
 * The wallet's bill, read back by the till's own reader: its summary is the ledger's, every charge of the day is
 * there with the ledger's order id, time and amount (the fee on its payment), and the refunds in order.
 */
export async function expectBillReadsBack(
  f: BillDayFixture,
  scheme: 'wechat' | 'alipay',
  bytes: Buffer,
): Promise<void> {
  const file = path.join(tempDir(), `${scheme}.csv`);
  fs.writeFileSync(file, bytes);
  const { rows, summary } = await readSettlementFile(file, scheme);
  expect(summary).toEqual(f.expected);
  const charges = rows.filter((r) => r.kind === 'charge');
  expect(charges.map((r) => r.reference)).toEqual(f.charges);
  expect(charges.find((r) => r.reference === f.feeReference)?.feeMinor).toBe(6);
  for (const r of charges) {
    const order = f.h.gw.ledger.qrOrderByReference('T01', r.reference ?? '');
    expect(r).toMatchObject({
      providerId: order?.orderId,
      at: order?.createdAt,
      amountMinor: order?.amountMinor,
      brand: scheme,
      terminalId: 'T01',
    });
  }
  expect(rows.filter((r) => r.kind === 'refund').map((r) => r.amountMinor)).toEqual([500, 800, 300]);
}
