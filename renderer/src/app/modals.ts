import type { ProductView } from '@contract/contract';

/** At most one dialog at a time; the rest of the screen is inert while it is up. */
export type ModalState =
  | { readonly kind: 'quantity'; readonly lineId: string }
  | { readonly kind: 'weigh'; readonly product: ProductView }
  | { readonly kind: 'lineDiscount'; readonly lineId: string }
  | { readonly kind: 'orderDiscount' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'tender' }
  | { readonly kind: 'help' }
  | { readonly kind: 'printer' }
  | { readonly kind: 'store' }
  | { readonly kind: 'receipts' }
  | { readonly kind: 'card' }
  /** `code`: a customer's payment code scanned on the sale screen (single-use; sent once, never shown) */
  | { readonly kind: 'qr'; readonly code: string | null }
  | { readonly kind: 'paymentAlerts' }
  | { readonly kind: 'manage' }
  | { readonly kind: 'catalogImport' }
  | { readonly kind: 'staff' }
  /** Manage → Shift: the drawer's shift, its cash movements and its blind close */
  | { readonly kind: 'shift' }
  /** a sale was refused for want of an open shift: say so, and lead to the Shift screen */
  | { readonly kind: 'shiftRequired' }
  | { readonly kind: 'settings' }
  /** Manage → Reports: the X report, closing the day with a Z, past Zs */
  | { readonly kind: 'reports' }
  /** Manage → Verify journal: the whole audit journal walked, the first break or the intact chain */
  | { readonly kind: 'journal' }
  /** Manage → Reconciliation: a day's settlement against the till's sales, each difference resolved */
  | { readonly kind: 'reconciliation' }
  /** who is signed in at the till: sign in, sign out, switch */
  | { readonly kind: 'signIn' }
  | null;
