// Which action fits which class: the pairings the resolution screen offers and recon.resolve enforces.
import { describe, expect, it } from 'vitest';
import { RECON_CLASSES, RESOLUTION_ACTIONS } from '../../../main/api/contract/reconciliation';
import { actionFits } from '../../../main/reconciliation/resolution-rules';

describe('resolution rules', () => {
  it('fits each action only to the classes it settles', () => {
    const fits = Object.fromEntries(
      RESOLUTION_ACTIONS.map((a) => [a, RECON_CLASSES.filter((c) => actionFits(a, c))]),
    );
    expect(fits).toEqual({
      refund_online: ['charged_no_sale', 'amount_mismatch', 'status_mismatch'],
      settled_in_cash: ['sale_no_charge', 'amount_mismatch', 'declined_after_forward'],
      accept_fee: ['fee'],
      escalate_acquirer: [
        'charged_no_sale',
        'sale_no_charge',
        'amount_mismatch',
        'status_mismatch',
        'refund_one_side',
        'declined_after_forward',
      ],
      write_off: ['sale_no_charge', 'amount_mismatch', 'refund_one_side', 'declined_after_forward'],
    });
  });

  it('leaves every difference at least one action and a matched item none', () => {
    for (const c of RECON_CLASSES) {
      const n = RESOLUTION_ACTIONS.filter((a) => actionFits(a, c)).length;
      if (c === 'matched') expect(n).toBe(0);
      else expect(n).toBeGreaterThan(0);
    }
  });
});
