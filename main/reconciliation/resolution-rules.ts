// Which resolution fits which difference. A fee is only ever accepted; money the provider took with no sale
// here (or that both sides disagree on) is refunded online; a sale the provider never settled was paid some
// other way (cash) or is lost. Anything may be escalated to the acquirer except a fee, and a matched item
// has nothing to resolve.
import type { ReconClass, ResolutionAction } from '../api/contract/reconciliation';

const FITS: { readonly [A in ResolutionAction]: readonly ReconClass[] } = {
  refund_online: ['charged_no_sale', 'status_mismatch', 'amount_mismatch'],
  settled_in_cash: ['sale_no_charge', 'declined_after_forward', 'amount_mismatch'],
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
};

export function actionFits(action: ResolutionAction, cls: ReconClass): boolean {
  return FITS[action].includes(cls);
}
