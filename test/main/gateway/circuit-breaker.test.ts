// Online/offline from what calls do: opens after N failures in a row, waits a growing cool-down, lets one
// probe through, closes on success; backoff with full jitter stays within its ceiling.
import { describe, expect, it } from 'vitest';
import { backoffMs, createCircuitBreaker } from '../../../main/gateway/circuit-breaker';

describe('circuit breaker', () => {
  it('opens after the threshold, probes after a doubling cool-down, closes on success', () => {
    let t = 0;
    const changes: boolean[] = [];
    const b = createCircuitBreaker({
      threshold: 3,
      baseCooldownMs: 100,
      maxCooldownMs: 350,
      now: () => t,
      onChange: (on) => changes.push(on),
    });
    b.failure();
    b.failure();
    expect(b.online()).toBe(true);
    b.failure();
    expect([b.online(), b.state(), b.msUntilProbe()]).toEqual([false, 'open', 100]);
    t = 99;
    expect(b.probeDue()).toBe(false);
    t = 100;
    expect([b.probeDue(), b.state()]).toEqual([true, 'half-open']);
    b.failure(); // the probe failed: a longer cool-down
    expect(b.msUntilProbe()).toBe(200);
    t = 300;
    b.failure();
    expect(b.msUntilProbe()).toBe(350); // capped
    b.success();
    expect([b.online(), b.state()]).toEqual([true, 'closed']);
    expect(changes).toEqual([false, true]);
    // A success resets the count: two failures after it do not open it again.
    b.failure();
    b.failure();
    expect(b.online()).toBe(true);
  });

  it('backoff: full jitter under an exponential ceiling', () => {
    expect(backoffMs(0, 100, 10_000, () => 0.999)).toBe(99);
    expect(backoffMs(3, 100, 10_000, () => 0.5)).toBe(400);
    expect(backoffMs(20, 100, 10_000, () => 0.999)).toBe(9990);
    expect(backoffMs(5, 100, 10_000, () => 0)).toBe(0);
  });
});
