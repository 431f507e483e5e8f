// Quick cash buttons for the tender screen: the exact amount, then the total rounded up to each note the
// customer is likely to hand over (e.g. 37.50 -> 40, 50, 100). Integer minor units only.

/** Fallback notes when main sent none: 10, 20, 50, 100 major units. */
export function defaultNotes(exponent: number): number[] {
  const unit = 10 ** exponent;
  return [10, 20, 50, 100].map((n) => n * unit);
}

/** The smallest multiple of `note` that is >= `total`. */
export function roundUpTo(total: number, note: number): number {
  const rest = total % note;
  return rest === 0 ? total : total - rest + note;
}

/**
 * [exact, ...distinct round-ups in ascending order], at most `max` entries in all.
 * Notes that are not positive safe integers are ignored; results beyond the safe range are dropped.
 */
export function quickAmounts(totalMinor: number, notesMinor: readonly number[], max = 5): number[] {
  if (!Number.isSafeInteger(totalMinor) || totalMinor < 0) return [];
  const ups = new Set<number>();
  for (const note of notesMinor) {
    if (!Number.isSafeInteger(note) || note <= 0) continue;
    const up = roundUpTo(totalMinor, note);
    if (up > totalMinor && Number.isSafeInteger(up)) ups.add(up);
  }
  return [totalMinor, ...[...ups].sort((a, b) => a - b)].slice(0, Math.max(1, max));
}
