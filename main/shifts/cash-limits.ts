// Which cash steps a cashier may take alone (config.json `cashControl`): a float, paid-in, paid-out or safe
// drop over `movementApprovalMinor` needs the approval of someone holding `cash.movement` (supervisor and
// up); a blind count whose variance, short or over, is larger than `varianceApprovalMinor` needs a sign-off
// with a note by someone holding `cash.varianceSignOff` (manager and up). "Over" is strictly greater: at
// the threshold itself no one is asked.
import type { PosConfig } from '../config/config';

export interface CashLimits {
  readonly movementApprovalMinor: number;
  readonly varianceApprovalMinor: number;
}

/** 500.00 moved, 10.00 out: a float or a bank run is routine below them, a sizeable count error is not. */
export const DEFAULT_CASH_LIMITS: CashLimits = {
  movementApprovalMinor: 50_000,
  varianceApprovalMinor: 1_000,
};

export const cashLimits = (config: Pick<PosConfig, 'cashControl'>): CashLimits => ({
  ...DEFAULT_CASH_LIMITS,
  ...config.cashControl,
});

export const movementNeedsApproval = (amountMinor: number, limits: CashLimits): boolean =>
  amountMinor > limits.movementApprovalMinor;

export const varianceNeedsSignOff = (varianceMinor: number, limits: CashLimits): boolean =>
  Math.abs(varianceMinor) > limits.varianceApprovalMinor;
