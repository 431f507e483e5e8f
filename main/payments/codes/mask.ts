// Payment codes are one-time bearer tokens: until used or expired (about a minute) whoever holds one can charge
// the customer. Logs and receipts show this masked form only.

const KEEP = 4;
/** Keep the ends only when at least this many digits stay hidden; shorter input is masked completely. */
const MIN_HIDDEN = 8;

/** "134567890123456789" -> "1345**********6789". */
export function maskPaymentCode(code: string): string {
  const text = code.trim();
  if (text.length < 2 * KEEP + MIN_HIDDEN) return '*'.repeat(text.length);
  return `${text.slice(0, KEEP)}${'*'.repeat(text.length - 2 * KEEP)}${text.slice(-KEEP)}`;
}
