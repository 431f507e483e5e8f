// The one card brand list and the one CardFacts: what the POS may know and keep about a card (PCI DSS 3.4.1:
// BIN and last four at most). Both readers (idtech/ from masked tracks, track/ from clear ones) report in
// these terms, and the gateway protocol's zod schema is checked against them at compile time
// (main/gateway/protocol/schemas.ts). Declared in native/: the lowest layer, which main/ may import.

/**
 * The brands the gateway protocol carries (docs/gateway-openapi.yaml), in its order. Diners Club is not one
 * of them: its cards read as `unknown`, as they always reached the gateway.
 */
export const CARD_BRANDS = [
  'visa',
  'mastercard',
  'amex',
  'unionpay',
  'jcb',
  'discover',
  'maestro',
  'unknown',
] as const;

export type CardBrand = (typeof CARD_BRANDS)[number];

/** What the POS may keep and show about a card. (Mutable like the zod schema's output it must equal.) */
export interface CardFacts {
  brand: CardBrand;
  /** the first six PAN digits, or eight on PANs of 16 digits or more */
  bin: string;
  last4: string;
  /** YYMM */
  expiry: string;
}
