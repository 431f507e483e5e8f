// Who is signed in at this till: a cashier signs in with their operator code and PIN, or scans their staff
// badge and types the PIN (main/staff/badge.ts). Every sale and refund is attributed to whoever is signed in;
// the status bar shows them. A sign-in answers exactly like a manager's approval when the code or PIN is
// wrong (APPROVAL_DENIED / APPROVAL_LOCKED), and counts towards the same lock.
import { z } from 'zod';
import { ApprovalSchema } from './shared';
import type { StaffRole } from './staff';
import { returns, type ChannelDefs } from './define';

export const SIGN_IN_METHODS = ['pin', 'badge'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export interface SessionView {
  readonly operatorId: string;
  readonly code: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly method: SignInMethod;
  /** ISO instant of the sign-in */
  readonly since: string;
}

/** The status bar's part: who is signed in (null: nobody). */
export interface SignedInStatus {
  readonly code: string;
  readonly name: string;
}

export const sessionChannels = {
  /** Signs in with code + PIN; whoever was signed in at this till is signed out. */
  'session.signIn': { input: ApprovalSchema, output: returns<SessionView>() },
  /** A scanned staff badge (`STAFF:<code>`, Code 128) names the operator; the PIN is still asked. */
  'session.signInBadge': {
    input: z.strictObject({ badge: z.string().max(64), pin: ApprovalSchema.shape.pin }),
    output: returns<SessionView>(),
  },
  'session.signOut': { input: z.strictObject({}), output: returns<null>() },
  'session.current': { input: z.strictObject({}), output: returns<SessionView | null>() },
} as const satisfies ChannelDefs;
