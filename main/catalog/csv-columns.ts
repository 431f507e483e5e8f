// The catalog CSV's columns (docs/catalog.md) and the checks that need only one row at a time.
import type { Unit } from '../api/contract';
import { parseAmount } from '../api/money';
import { PosFailure } from '../api/result';
import { parseBarcode } from './barcode';
import type { VariableMeasureRule } from './variable-measure';
import type { ProductInput } from './repository';

export const CSV_COLUMNS = [
  'sku',
  'name',
  'name_en',
  'price',
  'unit',
  'tax_category',
  'barcodes',
  'scale_code',
  'active',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['sku', 'name', 'price', 'tax_category'];

export interface CsvLineError {
  /** 1-based file line; the header is line 1 */
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;
}

/** A row that passed its own checks; cross-row and database checks come after. */
export interface CsvRow extends ProductInput {
  readonly line: number;
  readonly active: boolean | undefined;
}

export interface RowContext {
  readonly currency: string;
  readonly rules: readonly VariableMeasureRule[] | null;
  readonly taxCategories: ReadonlySet<string>;
}

const MAX_SKU = 64;
const MAX_NAME = 120;
const MAX_SCALE_DIGITS = 6;

const quoted = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Column positions by name, and the header's errors. Names are trimmed and case-insensitive. */
export function readHeader(
  fields: readonly string[],
  line: number,
): { columns: Map<CsvColumn, number>; errors: CsvLineError[] } {
  const columns = new Map<CsvColumn, number>();
  const errors: CsvLineError[] = [];
  const known = new Set<string>(CSV_COLUMNS);
  fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === '') {
      errors.push({
        line,
        column: null,
        reason: `header field ${i + 1} is empty; every column needs a name`,
      });
    } else if (!known.has(name)) {
      const reason = `unknown column ${quoted(raw.trim())}; allowed columns are ${CSV_COLUMNS.join(', ')}`;
      errors.push({ line, column: raw.trim(), reason });
    } else if (columns.has(name as CsvColumn)) {
      errors.push({ line, column: name, reason: `column "${name}" appears more than once` });
    } else {
      columns.set(name as CsvColumn, i);
    }
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!columns.has(c)) errors.push({ line, column: c, reason: `required column "${c}" is missing` });
  }
  return { columns, errors };
}

const hasControl = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
};

/** Cell line breaks (Alt+Enter in Excel) and runs of spaces become one space: names print on one line. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Checks one data row; pushes its errors and returns the row only when it has none. */
export function readRow(
  line: number,
  fields: readonly string[],
  columns: ReadonlyMap<CsvColumn, number>,
  headerLength: number,
  ctx: RowContext,
  errors: CsvLineError[],
): CsvRow | null {
  if (fields.length !== headerLength) {
    const reason = `row has ${fields.length} fields but the header has ${headerLength}`;
    errors.push({ line, column: null, reason });
    return null;
  }
  const before = errors.length;
  const fail = (column: CsvColumn, reason: string): null => {
    errors.push({ line, column, reason });
    return null;
  };
  const cell = (c: CsvColumn): string => {
    const i = columns.get(c);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };

  // A required column missing from the header is reported once, there, not again on every row.
  const sku = cell('sku');
  if (sku === '' && columns.has('sku')) fail('sku', 'SKU is empty');
  else if (sku.length > MAX_SKU) fail('sku', `SKU is ${sku.length} characters; at most ${MAX_SKU}`);
  else if (hasControl(sku) || /\s/.test(sku))
    fail('sku', `SKU ${quoted(sku)} contains spaces or control characters`);

  const name = oneLine(cell('name'));
  if (name === '' && columns.has('name')) fail('name', 'name is empty');
  else if (name.length > MAX_NAME) fail('name', `name is ${name.length} characters; at most ${MAX_NAME}`);

  const nameEnText = oneLine(cell('name_en'));
  if (nameEnText.length > MAX_NAME)
    fail('name_en', `English name is ${nameEnText.length} characters; at most ${MAX_NAME}`);

  let priceMinor = 0;
  const priceText = cell('price');
  if (priceText === '') {
    if (columns.has('price')) fail('price', 'price is empty');
  } else {
    try {
      priceMinor = parseAmount(priceText, ctx.currency);
    } catch (e) {
      if (!(e instanceof PosFailure)) throw e;
      fail('price', `price ${quoted(priceText)}: ${e.message}`);
    }
  }

  const unitText = cell('unit').toLowerCase();
  const unit: Unit = unitText === 'kg' ? 'kg' : 'each';
  if (unitText !== '' && unitText !== 'each' && unitText !== 'kg') {
    fail('unit', `unit must be "each" or "kg", got ${quoted(cell('unit'))}`);
  }

  const taxCategoryId = cell('tax_category');
  if (taxCategoryId === '') {
    if (columns.has('tax_category')) fail('tax_category', 'tax category is empty');
  } else if (!ctx.taxCategories.has(taxCategoryId)) {
    const known = [...ctx.taxCategories].join(', ') || '(none defined)';
    fail('tax_category', `unknown tax category ${quoted(taxCategoryId)}; known: ${known}`);
  }

  const barcodes: string[] = [];
  for (const text of cell('barcodes').split('|')) {
    const raw = text.trim();
    if (raw === '') continue;
    try {
      const parsed = parseBarcode(raw, ctx.rules);
      if (parsed.kind === 'variable') {
        fail(
          'barcodes',
          `barcode ${quoted(raw)} is a scale label (prefix ${parsed.rule.prefix}); put the item code in scale_code instead`,
        );
      } else if (!barcodes.includes(parsed.code)) barcodes.push(parsed.code);
    } catch (e) {
      if (!(e instanceof PosFailure)) throw e;
      // Payment codes are not echoed (bearer tokens); the message already says what it looks like.
      const shown = e.detail?.reason === 'payment-code' ? 'a payment code' : quoted(raw);
      fail('barcodes', `barcode ${shown}: ${e.message}`);
    }
  }

  let scaleItemCode: number | null = null;
  const scaleText = cell('scale_code');
  if (scaleText !== '') {
    if (!new RegExp(`^\\d{1,${MAX_SCALE_DIGITS}}$`).test(scaleText)) {
      fail('scale_code', `scale code must be 1-${MAX_SCALE_DIGITS} digits, got ${quoted(scaleText)}`);
    } else scaleItemCode = Number(scaleText);
  }

  const activeText = cell('active');
  if (activeText !== '' && activeText !== '1' && activeText !== '0') {
    fail('active', `active must be 1 or 0, got ${quoted(activeText)}`);
  }

  if (errors.length > before) return null;
  return {
    line,
    sku,
    name,
    nameEn: nameEnText === '' ? null : nameEnText,
    priceMinor,
    unit,
    taxCategoryId,
    barcodes,
    scaleItemCode,
    active: activeText === '' ? undefined : activeText === '1',
  };
}
