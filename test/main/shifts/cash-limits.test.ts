// Cash thresholds: documented defaults, config overrides field by field, and "over" meaning strictly over,
// a shortage counted like an overage.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CASH_LIMITS,
  cashLimits,
  movementNeedsApproval,
  varianceNeedsSignOff,
} from '../../../main/shifts/cash-limits';

describe('cash limits', () => {
  it('defaults to 500.00 moved and 10.00 of variance; a config field overrides only itself', () => {
    expect(cashLimits({})).toEqual({ movementApprovalMinor: 50_000, varianceApprovalMinor: 1_000 });
    expect(cashLimits({ cashControl: { varianceApprovalMinor: 0 } })).toEqual({
      movementApprovalMinor: 50_000,
      varianceApprovalMinor: 0,
    });
  });

  it('asks only over the threshold, either way for a variance', () => {
    const l = DEFAULT_CASH_LIMITS;
    expect([50_000, 50_001].map((a) => movementNeedsApproval(a, l))).toEqual([false, true]);
    expect([1_000, -1_000, 1_001, -1_001].map((v) => varianceNeedsSignOff(v, l))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
