// The rules that move a card or QR payment dialog on: which answers complete the sale, which allow another
// try, and which must never allow one (an unknown outcome). Pure, so checked here without a browser.
import { describe, expect, it } from 'vitest';
import type { PaymentView, SaleView } from '../../main/api/contract';
import { ok } from '../../main/api/result';
import { fromCall, fromError, fromEvent, isOverridable } from '../../renderer/src/payments/phase';
import { hoursMinutes, msUntil } from '../../renderer/src/format/durations';

const payment = (patch: Partial<PaymentView> = {}): PaymentView => ({
  attemptId: 'a1',
  kind: 'card',
  mode: 'online',
  state: 'created',
  amountMinor: 350,
  currency: 'CNY',
  brand: null,
  last4: null,
  qrScheme: null,
  authCode: null,
  responseCode: null,
  message: null,
  saleId: null,
  storedAt: null,
  forwardDeadline: null,
  acknowledged: false,
  createdAt: '2025-01-15T10:30:00Z',
  updatedAt: '2025-01-15T10:30:00Z',
  ...patch,
});
const sale = { saleId: 's1' } as SaleView;

describe('payment phases', () => {
  it('approved and stored with their sale complete it; declined allows another try; unknown does not', () => {
    expect(fromCall(ok({ outcome: 'approved', payment: payment(), sale }), payment())).toEqual({
      done: sale,
    });
    expect(fromCall(ok({ outcome: 'stored', payment: payment(), sale }), payment())).toEqual({ done: sale });
    expect(
      fromCall(ok({ outcome: 'declined', payment: payment({ message: 'Do not honour' }), sale: null }), null),
    ).toEqual({
      phase: { step: 'declined', message: 'Do not honour' },
    });
    expect(fromCall(ok({ outcome: 'unknown', payment: payment(), sale: null }), null)).toEqual({
      phase: { step: 'unknown', payment: payment(), checking: false },
    });
    expect(fromCall(ok({ outcome: 'pending', payment: payment(), sale: null }), null)).toEqual({
      phase: { step: 'waiting', payment: payment() },
    });
  });

  it('a lost answer after sending is unknown (never "try again"); before any attempt it is a refusal', () => {
    const lost = {
      code: 'INTERNAL',
      message: 'connection lost',
      detail: { reason: 'connection-lost' },
    } as const;
    expect(fromError(lost, payment())).toEqual({
      step: 'unknown',
      payment: payment(),
      checking: false,
    });
    expect(fromError(lost, null).step).toBe('refused');
  });

  it('an unreadable card waits for another swipe of the same attempt; CONTACT_REQUIRED asks for it', () => {
    const bad = { code: 'CARD_UNREADABLE', message: '' } as const;
    expect(fromError(bad, payment())).toEqual({ step: 'swipe', payment: payment(), error: bad });
    expect(fromError({ code: 'CONTACT_REQUIRED', message: '' }, null).step).toBe('contact');
    expect(
      fromError({ code: 'PAYMENT_DECLINED', message: '', detail: { message: 'Pick up card' } }, payment()),
    ).toEqual({
      step: 'declined',
      message: 'Pick up card',
    });
  });

  it('only an OFFLINE_LIMIT marked overridable offers the manager override', () => {
    expect(isOverridable({ code: 'OFFLINE_LIMIT', message: '', detail: { overridable: true } })).toBe(true);
    expect(isOverridable({ code: 'OFFLINE_LIMIT', message: '', detail: { overridable: false } })).toBe(false);
    expect(isOverridable({ code: 'ONLINE_ONLY', message: '', detail: { overridable: true } })).toBe(false);
  });

  it('events move only the attempt on screen, and only while waiting or unknown', () => {
    const waiting = { step: 'waiting', payment: payment() } as const;
    expect(fromEvent(payment({ attemptId: 'other', state: 'approved', saleId: 's9' }), waiting)).toBeNull();
    expect(fromEvent(payment({ state: 'approved', saleId: 's1' }), waiting)).toEqual({ saleId: 's1' });
    expect(fromEvent(payment({ state: 'user_paying' }), waiting)).toEqual({
      phase: { step: 'waiting', payment: payment({ state: 'user_paying' }) },
    });
    expect(fromEvent(payment({ state: 'declined', message: 'x' }), waiting)).toEqual({
      phase: { step: 'declined', message: 'x' },
    });
    const swipe = { step: 'swipe', payment: payment(), error: null } as const;
    expect(fromEvent(payment({ state: 'approved', saleId: 's1' }), swipe)).toBeNull();
  });
});

describe('durations', () => {
  it('rounds down to whole minutes, never below zero', () => {
    expect(hoursMinutes(3 * 3600_000 + 20 * 60_000 + 59_000)).toEqual({ h: 3, m: 20 });
    expect(hoursMinutes(-5)).toEqual({ h: 0, m: 0 });
    expect(msUntil('2025-01-15T12:00:00Z', Date.parse('2025-01-15T10:00:00Z'))).toBe(7_200_000);
    expect(msUntil(null, 0)).toBeNull();
    expect(msUntil('not a date', 0)).toBeNull();
  });
});
