/** "VISA ****1111": a card's brand and last four digits, never more (main never sends more). */
export const cardLabel = (brand: string | null, last4: string | null): string =>
  [brand?.toUpperCase() ?? null, last4 === null ? null : `****${last4}`].filter((x) => x !== null).join(' ');

/** "VISA ••••0010": the refund screens' way of naming the card the money goes back to. */
export const maskedCard = (brand: string | null, last4: string | null): string =>
  [brand?.toUpperCase() ?? null, last4 === null ? null : `••••${last4}`].filter((x) => x !== null).join(' ');
