// The payments' cart lock for cart edits and cash (main/payments/cart-locks.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../main/api/contract';
import { PosFailure } from '../../../main/api/result';
import { createAttemptRepo, type AttemptRepo } from '../../../main/payments/attempts/attempt-repo';
import { createCartLocks } from '../../../main/payments/cart-locks';
import { createCartRepo } from '../../../main/sale/cart-repo';
import type { CartLocks } from '../../../main/sale/ports';
import { fixedNow, openTestDb } from '../../support/catalog-db';

let attempts: AttemptRepo;
let locks: CartLocks;
let heard: PaymentView[];
let cartId: string;
let n = 0;

const hold = (id: string, kind: 'card' | 'qr') =>
  attempts.insert({ id, kind, mode: 'online', cartId, cartVersion: 1, amountMinor: 1000, currency: 'CNY' });

beforeEach(() => {
  const db = openTestDb();
  attempts = createAttemptRepo(db, { now: fixedNow });
  cartId = createCartRepo(db, { now: fixedNow, newId: () => `c-${++n}` }).openCart().id;
  heard = [];
  locks = createCartLocks({ db, attempts, onPayment: (p) => heard.push(p) });
});

describe('cart locks', () => {
  it('a cart no payment holds is free', () => {
    expect(() => locks.assertUnlocked(cartId)).not.toThrow();
    expect(heard).toEqual([]);
  });

  it('a card payment still waiting for its card is cancelled, its dialog told, and the cart goes on', () => {
    hold('att-card', 'card');
    expect(() => locks.assertUnlocked(cartId)).not.toThrow();
    expect(attempts.byId('att-card')?.state).toBe('cancelled');
    expect(heard.map((p) => [p.attemptId, p.state])).toEqual([['att-card', 'cancelled']]);
  });

  it('a payment that may be moving money locks the cart: CART_LOCKED naming it', () => {
    hold('att-qr', 'qr');
    let refusal: unknown = null;
    try {
      locks.assertUnlocked(cartId);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(PosFailure);
    expect(refusal).toMatchObject({ code: 'CART_LOCKED', detail: { attemptId: 'att-qr', state: 'created' } });
    expect(attempts.byId('att-qr')?.state).toBe('created');
    expect(heard).toEqual([]);
  });
});
