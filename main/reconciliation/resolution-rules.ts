// Which resolution fits which difference: the table is RESOLUTION_FITS in the contract (the resolution screen
// offers only those actions); this is the main side's check before a manager is asked for a PIN.
import { RESOLUTION_FITS, type ReconClass, type ResolutionAction } from '../api/contract/reconciliation';

export function actionFits(action: ResolutionAction, cls: ReconClass): boolean {
  return RESOLUTION_FITS[action].includes(cls);
}
