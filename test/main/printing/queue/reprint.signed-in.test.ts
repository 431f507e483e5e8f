// A cashier's reprint of the last receipt (no approval) names who was signed in at the till in its journal
// entry; with nobody signed in the entry is as before.
import { afterEach, describe, expect, it } from 'vitest';
import { call, cartOf } from '../../payments/fixtures';
import { CASHIER, journal, signInTill } from '../../../support/signed-in-till';
import { cleanup } from '../../../support/temp-host';

afterEach(cleanup);

describe('reprint of the last receipt', () => {
  it('names the signed-in cashier', async () => {
    const h = await signInTill();
    const cart = await cartOf(h);
    await call(h, 'sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: cart.totals.totalMinor,
    });
    await call(h, 'sale.reprintLast', {});
    const cashier = await call(h, 'session.signIn', { operatorCode: CASHIER.code, pin: CASHIER.pin });
    await call(h, 'sale.reprintLast', {});
    const [before, after] = journal(h.dataDir, 'receipt.reprint');
    expect(before).toEqual({ jobId: expect.any(Number), by: 'cashier' });
    expect(after).toEqual({
      jobId: expect.any(Number),
      by: 'cashier',
      signedIn: { operatorId: cashier.operatorId, code: CASHIER.code },
    });
  });
});
