// Shifts and cash control (main/shifts/): a drawer's shift opened with a float counted by denomination, cash
// paid in, paid out and dropped to the safe with reasons, and a BLIND close: the count goes in before the
// expected figure comes out. Amounts over config `cashControl` need an approval (main/shifts/cash-limits.ts).
import { z } from 'zod';
import { MAX_PIECES } from '../denominations';
import { ApprovalSchema, minor } from './shared';
import { returns, type ChannelDefs } from './define';

/** open -> closing (blind count entered) -> closed (at once, or after the variance's sign-off). */
export const SHIFT_STATES = ['open', 'closing', 'closed'] as const;
export type ShiftState = (typeof SHIFT_STATES)[number];

export const CASH_MOVEMENT_KINDS = ['paid_in', 'paid_out', 'drop'] as const;
export type CashMovementKind = (typeof CASH_MOVEMENT_KINDS)[number];

/** The drawer a shift is on; absent: 'main' (DEFAULT_DRAWER), the one drawer of a till. */
export const DEFAULT_DRAWER = 'main';
export const DrawerIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,32}$/)
  .optional();
/** How many of each denomination (ids from main/api/denominations.ts; main refuses unknown ones). */
export const CashCountSchema = z.record(z.string().max(24), z.int().min(0).max(MAX_PIECES));

/** What the drawer should hold, and what makes it up (all minor units). */
export interface ExpectedCash {
  readonly floatMinor: number;
  /** cash handed over for sales (tendered), before change */
  readonly cashReceivedMinor: number;
  readonly changeGivenMinor: number;
  readonly cashRefundsMinor: number;
  readonly paidInMinor: number;
  readonly paidOutMinor: number;
  readonly dropsMinor: number;
  readonly expectedMinor: number;
}

export interface CashMovementView {
  readonly movementId: string;
  readonly kind: CashMovementKind;
  readonly amountMinor: number;
  readonly reason: string;
  /** name of who approved it, when it was over the threshold */
  readonly approvedBy: string | null;
  readonly at: string;
}

export interface ShiftView {
  readonly shiftId: string;
  readonly drawerId: string;
  readonly state: ShiftState;
  readonly currency: string;
  readonly floatCounts: Readonly<Record<string, number>>;
  readonly floatMinor: number;
  readonly openedAt: string;
  readonly movements: readonly CashMovementView[];
  /** Null while open: the expected figure is never shown before the blind count. */
  readonly close: CloseView | null;
}

export interface CloseView {
  readonly countedCounts: Readonly<Record<string, number>>;
  readonly countedMinor: number;
  readonly expected: ExpectedCash;
  /** counted - expected: negative is short */
  readonly varianceMinor: number;
  /** over config cashControl.varianceApprovalMinor and not yet signed off */
  readonly needsSignOff: boolean;
  readonly countedAt: string;
  readonly closedAt: string | null;
  readonly signOff: { readonly note: string; readonly approvedBy: string } | null;
}

const drawer = z.strictObject({ drawerId: DrawerIdSchema });

export const shiftChannels = {
  /** The drawer's shift that is not closed yet (open, or closing awaiting sign-off), or null. */
  'shift.current': { input: drawer, output: returns<ShiftView | null>() },
  /** Opens a shift with a counted float; a float over cashControl.movementApprovalMinor needs `approval`. */
  'shift.open': {
    input: z.strictObject({
      drawerId: DrawerIdSchema,
      floatCounts: CashCountSchema,
      approval: ApprovalSchema.optional(),
    }),
    output: returns<ShiftView>(),
  },
  /** Paid-in, paid-out or safe drop with a reason; over cashControl.movementApprovalMinor needs `approval`. */
  'shift.move': {
    input: z.strictObject({
      drawerId: DrawerIdSchema,
      kind: z.enum(CASH_MOVEMENT_KINDS),
      amountMinor: minor.min(1),
      reason: z.string().trim().min(1).max(200),
      approval: ApprovalSchema.optional(),
    }),
    output: returns<ShiftView>(),
  },
  /**
   * The blind count: takes the counted drawer and only then answers the expected figure and the variance.
   * Within cashControl.varianceApprovalMinor the shift closes at once; over it, it waits for shift.signOff.
   */
  'shift.close': {
    input: z.strictObject({ drawerId: DrawerIdSchema, counts: CashCountSchema }),
    output: returns<ShiftView>(),
  },
  /** A manager's sign-off of a variance over the threshold, with a note; closes the shift. */
  'shift.signOff': {
    input: z.strictObject({
      drawerId: DrawerIdSchema,
      note: z.string().trim().min(1).max(500),
      approval: ApprovalSchema,
    }),
    output: returns<ShiftView>(),
  },
} as const satisfies ChannelDefs;
