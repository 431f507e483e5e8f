// Checking a header row against a layout's columns: an exact match, or a refusal that names the first
// column that differs (a changed header) or, when the row shares no column name with the layout, says
// the file is not in that layout at all.
import { refuse } from './refuse';

export function checkHeader(line: number, found: readonly string[], expected: readonly string[]): void {
  if (!found.some((c) => expected.includes(c))) throw refuse(line, 'unknown-layout');
  for (let i = 0; i < Math.max(found.length, expected.length); i++) {
    if (found[i] !== expected[i]) {
      throw refuse(line, 'header', {
        column: i + 1,
        expected: expected[i] ?? '(none)',
        found: found[i] ?? '(none)',
      });
    }
  }
}

/** The fields of a row of a layout of `width` columns, or a field-count refusal. */
export function fieldsOf(line: number, text: string, width: number): string[] {
  const fields = text.split(',');
  if (fields.length !== width) throw refuse(line, 'field-count', { expected: width, found: fields.length });
  return fields;
}
