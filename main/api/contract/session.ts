// Who is signed in at this till: a cashier signs in with their operator code and PIN, or scans their staff
// badge and types the PIN (main/staff/badge.ts). Every sale and refund is attributed to whoever is signed in;
// the status bar shows them. A sign-in answers exactly like a manager's approval when the code or PIN is
// wrong (APPROVAL_DENIED / APPROVAL_LOCKED), and counts towards the same lock. A different cashier signing in
// while a cart has lines parks that cart for its owner; it comes back when they sign in again.
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
  /** The till locked (idle or asked for): the session stays, nothing sells until a sign-in (issue 13). */
  readonly locked?: true;
}

/** The status bar's part: who is signed in (null: nobody). */
export interface SignedInStatus {
  readonly code: string;
  readonly name: string;
  /** the till is locked: the lock screen shows over everything */
  readonly locked?: true;
}

export const sessionChannels = {
  /** Signs in with code + PIN; whoever was signed in at this till is signed out. */
  'session.signIn': { input: ApprovalSchema, output: returns<SessionView>() },
  /**
   * Locks the till (the renderer's idle timer, or the cashier stepping away): the session and its cart stay;
   * cart edits and tenders are refused (SIGN_IN_REQUIRED) until a sign-in. The same cashier signing in
   * unlocks; a different one switches user (the cart is parked for its owner). Null when nobody is signed in.
   */
  'session.lock': { input: z.strictObject({}), output: returns<SessionView | null>() },
  /** A scanned staff badge (`STAFF:<code>`, Code 128) names the operator; the PIN is still asked. */
  'session.signInBadge': {
    input: z.strictObject({ badge: z.string().max(64), pin: ApprovalSchema.shape.pin }),
    output: returns<SessionView>(),
  },
  'session.signOut': { input: z.strictObject({}), output: returns<null>() },
  'session.current': { input: z.strictObject({}), output: returns<SessionView | null>() },
} as const satisfies ChannelDefs;
