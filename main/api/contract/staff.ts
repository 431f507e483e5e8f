// The staff screen's channels: the people who may approve, and their roles, PINs and locks. Every call carries
// a manager's approval (an owner's when an owner is involved) and answers the whole list, so the screen never
// needs a second approval to show what changed. PINs go in (a new operator's, a new PIN), never out.
import { z } from 'zod';
import { ApprovalSchema, id } from './shared';
import { returns, type ChannelDefs } from './define';

export const STAFF_ROLES = ['cashier', 'supervisor', 'manager', 'owner'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Managers and owners approve refunds and staff changes: 6+ digit PINs; others 4+ (main/staff/pin-policy.ts). */
export const pinMinLength = (role: StaffRole): number => (role === 'manager' || role === 'owner' ? 6 : 4);

export interface StaffView {
  readonly operatorId: string;
  readonly code: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly active: boolean;
  /** wrong PINs since the last good one (or the last lock) */
  readonly failedAttempts: number;
  /** set while locked */
  readonly lockedUntil: string | null;
  /** locks since the last good PIN: the next lock lasts longer */
  readonly lockouts: number;
}

export interface StaffListView {
  readonly operators: readonly StaffView[];
}

const code = z.string().regex(/^\d{1,6}$/);
const pin = z.string().regex(/^\d{4,8}$/);
const role = z.enum(STAFF_ROLES);
const name = z.string().trim().min(1).max(40);
const listed = <S extends z.ZodType>(input: S) => ({ input, output: returns<StaffListView>() });

export const staffChannels = {
  'staff.list': listed(z.strictObject({ approval: ApprovalSchema })),
  'staff.add': listed(z.strictObject({ code, name, role, pin, approval: ApprovalSchema })),
  'staff.setActive': listed(
    z.strictObject({ operatorId: id, active: z.boolean(), approval: ApprovalSchema }),
  ),
  'staff.setPin': listed(z.strictObject({ operatorId: id, pin, approval: ApprovalSchema })),
  /** `pin` is required when the new role is manager or owner and the old one was not (6+ digits). */
  'staff.setRole': listed(
    z.strictObject({ operatorId: id, role, pin: pin.optional(), approval: ApprovalSchema }),
  ),
  /** Clears a lock and the escalation count after wrong PINs. */
  'staff.clearLock': listed(z.strictObject({ operatorId: id, approval: ApprovalSchema })),
} as const satisfies ChannelDefs;
