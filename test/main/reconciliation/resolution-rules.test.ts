// Which action fits which class, as a manager needs it: for each difference, the actions that settle it are
// allowed and the ones that would record something untrue are refused, each with its reason. Every pairing of
// a class and an action is stated once below, so a change to RESOLUTION_FITS that allows or refuses a pairing
// differently fails here by name.
import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  RECON_CLASSES,
  RESOLUTION_ACTIONS,
  type ReconClass,
  type ResolutionAction,
} from '../../../main/api/contract/reconciliation';
import { actionFits } from '../../../main/reconciliation/resolution-rules';

type Why = { readonly [A in ResolutionAction]?: string };
interface Rules {
  readonly allows: Why;
  readonly refuses: Why;
}

const RULES: { readonly [C in ReconClass]: Rules } = {
  matched: {
    allows: {},
    refuses: {
      refund_online: 'both sides agree: there is nothing to refund',
      settled_in_cash: 'both sides agree: the card or wallet paid',
      accept_fee: 'a matched payment is no fee',
      escalate_acquirer: 'both sides agree: nothing to take to the acquirer',
      write_off: 'both sides agree: nothing is lost',
    },
  },
  charged_no_sale: {
    allows: {
      refund_online: 'the customer paid for no sale and is owed the money back',
      escalate_acquirer: 'the acquirer may say where the charge came from',
    },
    refuses: {
      settled_in_cash: 'there is no sale that cash could have paid',
      accept_fee: 'a charge is money taken from a customer, not a fee',
      write_off: 'money taken from a customer is not the shop’s loss to write off',
    },
  },
  sale_no_charge: {
    allows: {
      settled_in_cash: 'the customer paid the sale some other way',
      escalate_acquirer: 'the acquirer may have settled it elsewhere',
      write_off: 'the sale was never paid and the money is lost',
    },
    refuses: {
      refund_online: 'nothing was charged online, so nothing can be refunded online',
      accept_fee: 'an unpaid sale is no fee',
    },
  },
  amount_mismatch: {
    allows: {
      refund_online: 'the provider took more: the customer is refunded the difference',
      settled_in_cash: 'the provider took less: the rest was paid in cash',
      escalate_acquirer: 'the acquirer may correct the amount',
      write_off: 'a small difference is not worth chasing',
    },
    refuses: { accept_fee: 'a different amount on a sale is no fee' },
  },
  status_mismatch: {
    allows: {
      refund_online: 'refunded at the wallet, not here: record the online refund',
      escalate_acquirer: 'the acquirer may say what became of the payment',
    },
    refuses: {
      settled_in_cash: 'the payment was settled online, not in cash',
      accept_fee: 'a payment’s status is no fee',
      write_off: 'the money went to the customer, it is not lost to write off',
    },
  },
  refund_one_side: {
    allows: {
      escalate_acquirer: 'the acquirer must say where the refund went',
      write_off: 'the refund was paid here and will not be recovered',
    },
    refuses: {
      refund_online: 'the customer was refunded already: a second refund pays twice',
      settled_in_cash: 'a refund is no sale to settle in cash',
      accept_fee: 'a refund is no fee',
    },
  },
  declined_after_forward: {
    allows: {
      settled_in_cash: 'the customer came back and paid in cash',
      escalate_acquirer: 'the acquirer may say why the stored payment was declined',
      write_off: 'the goods went and the money will not come',
    },
    refuses: {
      refund_online: 'the card was declined: nothing was charged to refund',
      accept_fee: 'a declined payment is no fee',
    },
  },
  fee: {
    allows: { accept_fee: 'fees are the provider’s charges: accepting them is the only resolution' },
    refuses: {
      refund_online: 'a fee is no customer’s money to refund',
      settled_in_cash: 'a fee is no sale',
      escalate_acquirer: 'fees are accepted, not disputed here',
      write_off: 'a fee is accepted, not lost',
    },
  },
};

const cases = (which: keyof Rules) =>
  RECON_CLASSES.flatMap((cls) =>
    Object.entries(RULES[cls][which]).map(([action, why]) => ({
      ...{ cls, action: action as ResolutionAction, why },
    })),
  );

describe('resolution rules', () => {
  it.each(cases('allows'))('$cls: allows $action ($why)', ({ cls, action }) => {
    expect(actionFits(action, cls)).toBe(true);
    expect(actionsFor(cls)).toContain(action);
  });

  it.each(cases('refuses'))('$cls: refuses $action ($why)', ({ cls, action }) => {
    expect(actionFits(action, cls)).toBe(false);
    expect(actionsFor(cls)).not.toContain(action);
  });

  it('states every pairing of a class and an action once, allowed or refused', () => {
    for (const cls of RECON_CLASSES) {
      const { allows, refuses } = RULES[cls];
      const said = [...Object.keys(allows), ...Object.keys(refuses)].sort();
      expect(said, cls).toEqual([...RESOLUTION_ACTIONS].sort());
    }
  });

  it('leaves every difference at least one action and a matched item none', () => {
    for (const c of RECON_CLASSES) expect(actionsFor(c).length > 0, c).toBe(c !== 'matched');
  });
});
