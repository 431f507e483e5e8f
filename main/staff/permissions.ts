// Who may do what, in one table. A cashier sells, takes cash and reprints the last receipt; everything that
// can move money or goods without a sale needs a permission, which a manager's PIN grants per action.
export const ROLES = ['cashier', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'drawer.noSale', // open the cash drawer without a sale
  'receipt.reprintAny', // reprint any past receipt (a copy is what a fraudulent return is made with)
  'payments.offlineOverride', // take an offline card payment over the store-and-forward amount/count caps
  'refund.issue', // pay money back for returned goods (cash from the drawer, or to the card / QR wallet)
  'payments.acknowledge', // mark a decline after forwarding or an expired offline payment as dealt with
  'store.maintenance', // run a whole-store check (or backup) now: reads the whole file, so not at a cashier's whim
  'settings.change', // change the shop's settings (config.json): store, taxes, gateway, devices
  'training.leave', // leave training mode: the training store is archived and the live store starts clean
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: { readonly [R in Role]: readonly Permission[] } = {
  cashier: [],
  manager: PERMISSIONS,
};

export function roleMay(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
