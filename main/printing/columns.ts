// Column arithmetic for fixed-pitch receipt lines, all in display width (see text-width.ts).
import { displayWidth, padToWidth, wrapToWidth } from './text-width';

/** Wrapped lines without the trailing spaces a break after a space leaves behind. */
export function wrapLines(text: string, width: number): string[] {
  return wrapToWidth(text, width).map((l) => l.trimEnd());
}

/**
 * `left ... right` on one line when both fit with a space between; otherwise `left` wrapped and `right` on a
 * line of its own, right-aligned, so an amount is never cut or pushed past the edge.
 */
export function leftRight(left: string, right: string, width: number): string[] {
  const gap = width - displayWidth(left) - displayWidth(right);
  if (gap >= 1) return [left + ' '.repeat(gap) + right];
  return [...wrapLines(left, width), padToWidth(right, width, 'right')];
}

/** Rows of a label column plus right-aligned value columns sized to their widest cell. */
export function table(rows: readonly (readonly [string, ...string[]])[], width: number): string[] {
  const valueColumns = Math.max(0, ...rows.map((r) => r.length - 1));
  const widths = Array.from({ length: valueColumns }, (_, i) =>
    Math.max(...rows.map((r) => displayWidth(r[i + 1] ?? ''))),
  );
  const out: string[] = [];
  for (const [label, ...values] of rows) {
    const right = values.map((v, i) => padToWidth(v, widths[i] ?? 0, 'right')).join(' ');
    out.push(...leftRight(label, right, width));
  }
  return out;
}
