// Amounts in settlement files are decimal text (yuan with 2 decimals in the wallets' files, integer minor
// units in the gateway's). Converted by string arithmetic: a float would turn 0.29 into 28.999... fen.
const YUAN = /^(-?)(\d{1,11})\.(\d{2})$/;
const MINOR = /^(0|-?[1-9]\d{0,13})$/;

/** "12.30" -> 1230, "-0.05" -> -5; null when the text is no 2-decimal amount. */
export function yuanToFen(text: string): number | null {
  const m = YUAN.exec(text);
  if (!m) return null;
  const [, sign, whole, cents] = m as unknown as [string, string, string, string];
  const fen = Number(whole) * 100 + Number(cents);
  return sign === '-' && fen !== 0 ? -fen : fen;
}

/** "1230" -> 1230; null for anything but a whole number of minor units. */
export function parseMinor(text: string): number | null {
  return MINOR.test(text) ? Number(text) : null;
}
