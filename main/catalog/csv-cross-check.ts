// The catalog CSV's checks across rows, fed one valid row at a time: uniqueness within the file, and codes
// still held by a product the file does not mention. Keeps only what those checks need (SKU -> line, code ->
// its first row's SKU and line, and the database owners that may conflict), never the rows themselves.
import type { CsvLineError, CsvRow } from './csv-columns';

export interface OwnerLookup {
  /** code -> SKU of the product owning it, for those of `codes` that are taken. */
  barcodeOwners(codes: readonly string[]): ReadonlyMap<string, string>;
  /** scale item code -> SKU of the product with it, for those of `itemCodes` that are taken. */
  scaleItemOwners(itemCodes: readonly number[]): ReadonlyMap<number, string>;
}

/** Rows whose codes are looked up in the database together (one statement per kind instead of one per code). */
const LOOKUP_ROWS = 500;

/** A code the database gives to another SKU: a conflict only if that SKU is absent from the whole file. */
interface HeldElsewhere {
  readonly line: number;
  readonly column: 'barcodes' | 'scale_code';
  readonly code: string;
  readonly owner: string;
}

export interface CrossCheck {
  /** Checks `row` against the rows before it and notes its codes' database owners. */
  add(row: CsvRow, errors: ErrorList): void;
  /** After the last row: the database conflicts, now that every SKU of the file is known. */
  finish(errors: ErrorList): void;
}

export function createCrossCheck(db: OwnerLookup): CrossCheck {
  const skuLine = new Map<string, number>();
  const codeRow = new Map<string, readonly [sku: string, line: number]>();
  const scaleRow = new Map<number, readonly [sku: string, line: number]>();
  const heldElsewhere: HeldElsewhere[] = [];
  let unresolved: CsvRow[] = [];
  // Notes, in row order (barcodes before the scale code), each code the database gives to another SKU.
  const resolve = (): void => {
    if (unresolved.length === 0) return;
    const codes = db.barcodeOwners(unresolved.flatMap((r) => r.barcodes));
    const scales = db.scaleItemOwners(
      unresolved.flatMap((r) => (r.scaleItemCode === null ? [] : [r.scaleItemCode])),
    );
    for (const r of unresolved) {
      for (const code of r.barcodes) {
        const owner = codes.get(code);
        if (owner !== undefined && owner !== r.sku)
          heldElsewhere.push({ line: r.line, column: 'barcodes', code, owner });
      }
      if (r.scaleItemCode !== null) {
        const owner = scales.get(r.scaleItemCode);
        if (owner !== undefined && owner !== r.sku)
          heldElsewhere.push({ line: r.line, column: 'scale_code', code: String(r.scaleItemCode), owner });
      }
    }
    unresolved = [];
  };
  return {
    add(r, errors) {
      const first = skuLine.get(r.sku);
      if (first !== undefined)
        errors.push({ line: r.line, column: 'sku', reason: `SKU "${r.sku}" is already on line ${first}` });
      else skuLine.set(r.sku, r.line);
      for (const code of r.barcodes) {
        const other = codeRow.get(code);
        if (other && other[0] !== r.sku) {
          const reason = `barcode ${code} is also given to SKU "${other[0]}" on line ${other[1]}`;
          errors.push({ line: r.line, column: 'barcodes', reason });
        } else codeRow.set(code, [r.sku, r.line]);
      }
      if (r.scaleItemCode !== null) {
        const other = scaleRow.get(r.scaleItemCode);
        if (other && other[0] !== r.sku) {
          const reason = `scale code ${r.scaleItemCode} is also given to SKU "${other[0]}" on line ${other[1]}`;
          errors.push({ line: r.line, column: 'scale_code', reason });
        } else scaleRow.set(r.scaleItemCode, [r.sku, r.line]);
      }
      unresolved.push(r);
      if (unresolved.length >= LOOKUP_ROWS) resolve();
    },
    finish(errors) {
      resolve();
      // A product named in the file gets its codes replaced, so only owners absent from the file conflict.
      for (const h of heldElsewhere) {
        if (skuLine.has(h.owner)) continue;
        const what = h.column === 'barcodes' ? 'barcode' : 'scale code';
        errors.push({
          line: h.line,
          column: h.column,
          reason: `${what} ${h.code} already belongs to SKU "${h.owner}" in the catalog`,
        });
      }
    },
  };
}

/**
 * Every error counted, the first `keep` by line kept (ties in the order found), without holding them all:
 * a file of 100,000 bad rows has ~300,000 reasons and the UI is sent 200.
 */
export class ErrorList {
  private kept: CsvLineError[] = [];
  private count = 0;

  constructor(private readonly keep: number) {}

  push(...errors: CsvLineError[]): void {
    for (const e of errors) {
      this.count++;
      this.kept.push(e);
    }
    if (this.kept.length > 2 * this.keep) this.kept = this.sortedKept();
  }

  get total(): number {
    return this.count;
  }

  /** The first `keep` errors by line; Array.prototype.sort is stable, so ties stay in the order found. */
  sortedKept(): CsvLineError[] {
    return [...this.kept].sort((a, b) => a.line - b.line).slice(0, this.keep);
  }
}
