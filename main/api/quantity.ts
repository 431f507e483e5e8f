// Quantities, for main and the renderer alike: integers in thousandths of the unit (1000 = one piece,
// 1250 = 1.250 kg). Pure: the renderer imports this file through @contract/quantity.
/** How a product is sold: by the piece or by weight. */
export type Unit = 'each' | 'kg';

/** Thousandths in one piece or one kilogram. */
export const MILLI_PER_UNIT = 1000;
/** The largest quantity a line may hold: 999,999 pieces or kg. */
export const MAX_QTY_MILLI = 999_999_000;

/** Pieces are sold (and returned) whole, so a slip never shows "0.5 cola"; weighed goods to the gram. */
export const isWholeForUnit = (unit: Unit, qtyMilli: number): boolean =>
  unit !== 'each' || qtyMilli % MILLI_PER_UNIT === 0;
