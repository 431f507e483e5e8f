// Z_REFUSED's detail.blockers as the Reports screen reads them: every blocker the contract declares is kept
// (shift, payment, refund) and anything else main might send is dropped rather than shown as nonsense.
import { describe, expect, it } from 'vitest';
import type { ZBlocker } from '@contract/contract';
import { zBlockers } from '../../renderer/src/components/reports/z-blockers';

const refused = (blockers: unknown) => ({ code: 'Z_REFUSED' as const, message: 'no', detail: { blockers } });

describe('the blockers of a refused Z', () => {
  it('keeps each declared kind, in main’s order', () => {
    const all: ZBlocker[] = [
      { kind: 'shift-open', drawerId: 'main', shiftId: 's1', state: 'closing' },
      { kind: 'payment-unknown', attemptId: 'a1', state: 'unknown', amountMinor: 1250 },
      { kind: 'refund-unknown', refundId: 'r1', amountMinor: 300 },
    ];
    expect(zBlockers(refused(all))).toEqual(all);
  });

  it('drops what is not a blocker, and reads a refusal without detail as none', () => {
    const shift = { kind: 'shift-open', drawerId: 'd', shiftId: 's', state: 'open' };
    const junk = [null, 'shift', { kind: 'other' }, { kind: 'shift-open', drawerId: 'd' }];
    const badAmount = { kind: 'refund-unknown', refundId: 'r', amountMinor: '3.00' };
    expect(zBlockers(refused([...junk, shift, badAmount]))).toEqual([shift]);
    expect(zBlockers(refused('x'))).toEqual([]);
    expect(zBlockers({ code: 'Z_REFUSED', message: 'no' })).toEqual([]);
  });
});
