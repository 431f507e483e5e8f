// Who may do what, in one table. A cashier sells, takes cash and reprints the last receipt; everything that
// can move money or goods without a sale needs a permission, granted per action by the PIN of someone whose
// role holds it. Each role holds everything the role below it holds (owner ⊇ manager ⊇ supervisor ⊇ cashier):
// - supervisor: the floor's everyday exceptions (no-sale, a reprint, a discount over the threshold, cash moved
//   in or out of the drawer over the threshold);
// - manager: money back and money at risk (refunds, offline overrides, acknowledgements, a cash variance's
//   sign-off), store checks, and
//   the staff below owner;
// - owner: owners themselves (adding one, or changing, disabling or re-PINning one).
import { STAFF_ROLES, type StaffRole } from '../api/contract/staff';

export const ROLES = STAFF_ROLES;
export type Role = StaffRole;

export const PERMISSIONS = [
  'drawer.noSale', // open the cash drawer without a sale
  'receipt.reprintAny', // reprint any past receipt (a copy is what a fraudulent return is made with)
  'discount.overLimit', // a line or order discount over config.discountApproval (main/sale/discount-limit.ts)
  'payments.offlineOverride', // take an offline card payment over the store-and-forward amount/count caps
  'refund.issue', // pay money back for returned goods (cash from the drawer, or to the card / QR wallet)
  'payments.acknowledge', // mark a decline after forwarding or an expired offline payment as dealt with
  'store.maintenance', // run a whole-store check (or backup) now: reads the whole file, so not at a cashier's whim
  'catalog.import', // import a catalog file from the UI: it may rewrite every price (main/catalog/importer.ts)
  'staff.manage', // see the staff list; add, disable, re-PIN, re-role or unlock a cashier, supervisor or manager
  'staff.manageOwner', // the same for an owner (or making someone an owner)
  'settings.change', // change the shop's settings (config.json): store, taxes, gateway, devices
  'training.leave', // leave training mode: the training store is archived and the live store starts clean
  'cash.movement', // a float, paid-in, paid-out or safe drop over config cashControl.movementApprovalMinor
  'report.z', // take the Z report: closes the business day for good
  'cash.varianceSignOff', // sign off a shift's blind count that is over config cashControl.varianceApprovalMinor
  'journal.verify', // walk the whole audit journal now: reads every entry, so not at a cashier's whim
  'settlement.import', // import a settlement file: what the day is reconciled against
  'recon.resolve', // resolve a reconciliation difference (refunded online, settled in cash, written off, ...)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role adds to the one below it. */
const ADDS: { readonly [R in Role]: readonly Permission[] } = {
  cashier: [],
  supervisor: [
    'drawer.noSale',
    'receipt.reprintAny',
    'discount.overLimit',
    'cash.movement',
    'journal.verify',
  ],
  manager: [
    'payments.offlineOverride',
    'refund.issue',
    'payments.acknowledge',
    'store.maintenance',
    'staff.manage',
    'catalog.import',
    'settings.change',
    'training.leave',
    'cash.varianceSignOff',
    'report.z',
    'settlement.import',
    'recon.resolve',
  ],
  owner: ['staff.manageOwner'],
};

const GRANTS = new Map<Role, ReadonlySet<Permission>>(
  ROLES.map((role, i) => [role, new Set(ROLES.slice(0, i + 1).flatMap((r) => ADDS[r]))]),
);

export function roleMay(role: Role, permission: Permission): boolean {
  return GRANTS.get(role)?.has(permission) === true;
}

/** Managers and owners approve money and staff changes: their PINs are longer (main/staff/pin-policy.ts). */
export const isSeniorRole = (role: Role): boolean => role === 'manager' || role === 'owner';
