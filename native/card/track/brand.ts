// Card brand from the issuer identification number (IIN, the leading digits of the PAN). The brand is for
// display, receipts, routing hints and the offline allow list; the gateway's answer stays authoritative.
//
// Sources (public): ISO/IEC 7812-1 for the structure; the ranges as published by the schemes and collected
// in Wikipedia "Payment card number" (IIN table, 2024 revision); Mastercard's 2-series announcement
// (2221-2720, live since 2017); Discover's "IIN ranges" acceptance list for Diners Club International.

import type { CardBrand } from '../card-facts';

export interface IinRange {
  readonly brand: Exclude<CardBrand, 'unknown'>;
  /** Inclusive bounds; both the same number of digits, compared against that many leading PAN digits. */
  readonly from: string;
  readonly to: string;
}

const r = (brand: IinRange['brand'], from: string, to = from): IinRange => ({ brand, from, to });

/**
 * The most specific (longest) matching range wins, so narrow ranges may sit inside broad ones.
 * Deliberately left out: Mir 2200-2204 (falls below Mastercard's 2221, so reads as unknown, which is right),
 * RuPay (shares 60/65/81/82 with others), Discover's co-branded 622126-622925 (issued by UnionPay members:
 * reported as UnionPay, the issuer's brand; Discover only acquires them in the US).
 */
export const IIN_RANGES: readonly IinRange[] = [
  r('visa', '4'), // includes Visa Electron (4026, 417500, 4508, 4844, 4913, 4917)
  r('mastercard', '51', '55'),
  r('mastercard', '2221', '2720'), // 2-series
  r('amex', '34'),
  r('amex', '37'),
  r('unionpay', '62'),
  r('jcb', '3528', '3589'),
  r('discover', '6011'),
  r('discover', '644', '649'),
  r('discover', '65'),
  // Maestro: the ranges not already owned by another brand above. (Diners Club International's ranges are
  // left out: the gateway protocol has no brand for them, so they read as unknown, ../card-facts.ts. Diners
  // Club US & Canada cards start 54/55 and are Mastercard co-brands: Mastercard is what they route as.)
  r('maestro', '5018'),
  r('maestro', '5020'),
  r('maestro', '5038'),
  r('maestro', '5893'),
  r('maestro', '6304'),
  r('maestro', '6759'), // includes Maestro UK 676770 / 676774
  r('maestro', '6761', '6763'),
];

const BY_SPECIFICITY = [...IIN_RANGES].sort((a, b) => b.from.length - a.from.length);

/** The brand whose IIN range `pan` (digits) falls in; 'unknown' when none does. */
export function cardBrand(pan: string): CardBrand {
  for (const range of BY_SPECIFICITY) {
    if (pan.length < range.from.length) continue;
    // Same-length digit strings compare like numbers.
    const head = pan.slice(0, range.from.length);
    if (head >= range.from && head <= range.to) return range.brand;
  }
  return 'unknown';
}
