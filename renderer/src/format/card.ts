/** "VISA ****1111": a card's brand and last four digits, never more (main never sends more). */
export const cardLabel = (brand: string | null, last4: string | null): string =>
  [brand?.toUpperCase() ?? null, last4 === null ? null : `****${last4}`].filter((x) => x !== null).join(' ');
