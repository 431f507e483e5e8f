// The refunds' background recovery (main/refunds/refunds-runtime.ts): what start() and stop() run, and when.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefundRecovery, RESOLVE_EVERY_MS } from '../../../main/refunds/refunds-runtime';

function fakeService(inFlight: number, lookup: () => Promise<void> = () => Promise.resolve()) {
  const calls = { recover: 0, resolve: 0 };
  return {
    calls,
    service: {
      recoverAfterCrash: () => (calls.recover++, inFlight),
      resolveUnknowns: () => (calls.resolve++, lookup()),
    },
  };
}

describe('refund recovery', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('does nothing until started', () => {
    const { calls, service } = fakeService(0);
    createRefundRecovery(service, () => undefined);
    vi.advanceTimersByTime(3 * RESOLVE_EVERY_MS);
    expect(calls).toEqual({ recover: 0, resolve: 0 });
  });

  it('start: recovers once, looks up at once and every 5 s; logs refunds left in flight', () => {
    const { calls, service } = fakeService(2);
    const log = vi.fn();
    const r = createRefundRecovery(service, log);
    r.start();
    r.start(); // a second start changes nothing
    expect(calls).toEqual({ recover: 1, resolve: 1 });
    expect(log).toHaveBeenCalledWith('warn', 'refunds in flight at the last stop are being looked up', {
      unknownRefunds: 2,
    });
    vi.advanceTimersByTime(RESOLVE_EVERY_MS - 1);
    expect(calls.resolve).toBe(1);
    vi.advanceTimersByTime(1);
    expect(calls.resolve).toBe(2);
    vi.advanceTimersByTime(2 * RESOLVE_EVERY_MS);
    expect(calls.resolve).toBe(4);
    r.stop();
  });

  it('nothing in flight: nothing logged', () => {
    const log = vi.fn();
    const r = createRefundRecovery(fakeService(0).service, log);
    r.start();
    r.stop();
    expect(log).not.toHaveBeenCalled();
  });

  it('stop: no lookup after it', () => {
    const { calls, service } = fakeService(0);
    const r = createRefundRecovery(service, () => undefined);
    r.start();
    r.stop();
    vi.advanceTimersByTime(5 * RESOLVE_EVERY_MS);
    expect(calls.resolve).toBe(1);
  });

  it('a failed lookup is tried again at the next tick, not thrown', async () => {
    const { calls, service } = fakeService(0, () => Promise.reject(new Error('offline')));
    const r = createRefundRecovery(service, () => undefined);
    r.start();
    await vi.advanceTimersByTimeAsync(RESOLVE_EVERY_MS);
    expect(calls.resolve).toBe(2);
    r.stop();
  });
});
