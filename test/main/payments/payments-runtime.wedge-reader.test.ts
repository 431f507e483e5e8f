// Clear tracks typed at the keyboard (payment.wedgeSwipe) are taken only when config.json's cardReader is a
// keyboard wedge; with any other reader (or none) they are refused before the attempt is touched.
import { describe, expect, it } from 'vitest';
import { trainingTracks } from '../../../main/payments/card/training-cards';
import { call, cartOf, failure, openShop } from './fixtures';

describe('payment.wedgeSwipe and the configured card reader', () => {
  it('no keyboard-wedge reader configured: CARD_READER_NOT_WEDGE, the payment still waits for a card', async () => {
    const { host } = await openShop();
    const cart = await cartOf(host);
    const a = await call(host, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const { track1, track2 } = trainingTracks('visa');
    const refused = await failure(host, 'payment.wedgeSwipe', {
      attemptId: a.attemptId,
      tracks: track1 + track2,
    });
    expect(refused.code).toBe('CARD_READER_NOT_WEDGE');
    expect(JSON.stringify(refused)).not.toContain('4761739001010010');
    expect((await call(host, 'payment.get', { attemptId: a.attemptId })).state).toBe('created');
  });

  it('a keyboard-wedge reader configured: the same swipe pays', async () => {
    const { host } = await openShop({ config: { cardReader: { kind: 'keyboard-wedge' } } });
    const cart = await cartOf(host);
    const a = await call(host, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const { track1, track2 } = trainingTracks('visa');
    const r = await call(host, 'payment.wedgeSwipe', { attemptId: a.attemptId, tracks: track1 + track2 });
    expect(r.outcome).toBe('approved');
  });
});
