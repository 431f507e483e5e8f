// What a sign-in does to the till's open cart when the cashier changes: declared here, provided by the sale
// capability (main/sale/cart-handover.ts), as sale sits above staff. Runs inside the sign-in's transaction,
// so a refused switch (a card or QR payment moving money for the cart: CART_LOCKED) signs nobody in.
export interface CartHandOver {
  /** the cart set aside for `from` and the one given back to `to` (ids), when either happened */
  readonly parked: string | null;
  readonly restored: string | null;
}

export interface CartHandoverPort {
  /** `from`: whoever last signed in at this till (the open cart is theirs), or null when nobody ever did. */
  handOver(from: string | null, to: string): CartHandOver;
  /** after the sign-in commits: the till shows its cart again */
  announce(): void;
}
