// Catalog reads and writes over SQLite. Statements are prepared once per database (see catalogRepository).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ProductFields, ProductView, Unit } from '../api/contract';
import { PosFailure } from '../api/result';
import { parseBarcode, type ParsedBarcode } from './barcode';
import { bumpCatalogGeneration } from './generation';
import { pinyinKeys, type PinyinKeys } from './pinyin';
import type { VariableMeasureRule } from './variable-measure';

export interface TaxCategoryView {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly rateBp: number;
}

/** What a scan resolves to. The nulls mirror the sale's ScannedItem: null = "no label value, use defaults". */
export interface BarcodeMatch {
  readonly product: ProductView;
  readonly parsed: ParsedBarcode;
  /** Weight labels only: the weighed quantity in thousandths of a kg (= grams). Otherwise null (one unit). */
  readonly qtyMilli: number | null;
  /**
   * Price labels only: the printed price in minor units, to be this line's unit price at quantity 1000, so
   * the line total is exactly what the label says (also for products sold by the kg). Otherwise null.
   */
  readonly priceOverrideMinor: number | null;
}

/** A product to write; its barcodes replace the product's current ones. */
export interface ProductInput extends ProductFields {
  /** undefined: a new product is active, an existing one keeps its state. */
  readonly active?: boolean;
}

export interface UpsertOptions {
  readonly now: Date;
  /** Id for a new product; default a random UUID. */
  readonly newId?: () => string;
  /** The name's pinyin keys when already computed (the CSV import computes them before it writes). */
  readonly keys?: PinyinKeys;
}

export interface CatalogRepository {
  /** Active products only unless asked; null when absent. */
  getProduct(id: string, opts?: { readonly includeInactive?: boolean }): ProductView | null;
  /** An active product, or PosFailure PRODUCT_NOT_FOUND. */
  requireProduct(id: string): ProductView;
  /** Active products among `ids`, in the order given; unknown or inactive ids are skipped. */
  getProducts(ids: readonly string[]): ProductView[];
  /** The active product a parsed code designates, or null. Throws BARCODE_UNKNOWN on a unit mismatch. */
  findByBarcode(parsed: ParsedBarcode): BarcodeMatch | null;
  /** parseBarcode + findByBarcode: throws BARCODE_MALFORMED or BARCODE_UNKNOWN (detail.code = normalised). */
  lookupBarcode(raw: string, rules?: readonly VariableMeasureRule[] | null): BarcodeMatch;
  listTaxCategories(): TaxCategoryView[];
  getTaxCategory(id: string): TaxCategoryView | null;
  productCount(): number;
  /** Insert or update by SKU, pinyin computed here. Call inside a transaction when writing many. */
  upsertProduct(
    input: ProductInput,
    opts: UpsertOptions,
  ): { readonly id: string; readonly inserted: boolean };
  /** SKU of the product owning a normalised barcode, or null. */
  barcodeOwner(code: string): string | null;
  /** SKU of the product with this scale item code, or null. */
  scaleItemOwner(itemCode: number): string | null;
  /** barcodeOwner for many codes in one statement: code -> SKU, for the codes that are taken. */
  barcodeOwners(codes: readonly string[]): ReadonlyMap<string, string>;
  /** scaleItemOwner for many codes in one statement: item code -> SKU, for the codes that are taken. */
  scaleItemOwners(itemCodes: readonly number[]): ReadonlyMap<number, string>;
  /** Frees the barcodes and scale codes of these SKUs, so a bulk upsert may move codes between them. */
  releaseCodes(skus: readonly string[]): void;
  /** Takes these barcodes and scale codes from whichever products hold them, so others may claim them. */
  freeCodes(codes: readonly string[], scaleItemCodes: readonly number[]): void;
}

/** A product's own columns, as stored (the import's staging table parks them in the same shape). */
export interface ProductColumns {
  sku: string;
  name: string;
  name_en: string | null;
  price_minor: number;
  unit: Unit;
  tax_category_id: string;
}

interface ProductRow extends ProductColumns {
  id: string;
  active: 0 | 1;
}

interface TaxRow {
  id: string;
  name: string;
  name_en: string | null;
  rate_bp: number;
}

const PRODUCT_COLUMNS = 'id, sku, name, name_en, price_minor, unit, tax_category_id, active';

const repos = new WeakMap<Database.Database, CatalogRepository>();

/** The repository for `db`, created (and its statements prepared) on first use. */
export function catalogRepository(db: Database.Database): CatalogRepository {
  let repo = repos.get(db);
  if (!repo) {
    repo = createRepository(db);
    repos.set(db, repo);
  }
  return repo;
}

const toTax = (r: TaxRow): TaxCategoryView => ({
  id: r.id,
  name: r.name,
  nameEn: r.name_en,
  rateBp: r.rate_bp,
});

function createRepository(db: Database.Database): CatalogRepository {
  const byId = db.prepare<[string], ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = ?`);
  const byIds = db.prepare<[string], ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products WHERE id IN (SELECT value FROM json_each(?)) AND active = 1`,
  );
  const codesOf = db.prepare<[string], { code: string }>(
    'SELECT code FROM barcodes WHERE product_id = ? ORDER BY rowid',
  );
  const codesOfMany = db.prepare<[string], { code: string; product_id: string }>(
    'SELECT code, product_id FROM barcodes WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY rowid',
  );
  const byCode = db.prepare<[string], ProductRow>(
    `SELECT p.id, p.sku, p.name, p.name_en, p.price_minor, p.unit, p.tax_category_id, p.active
     FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ? AND p.active = 1`,
  );
  const byScaleItem = db.prepare<[number], ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products WHERE scale_item_code = ? AND active = 1`,
  );
  const taxAll = db.prepare<[], TaxRow>(
    'SELECT id, name, name_en, rate_bp FROM tax_categories ORDER BY rate_bp DESC, id',
  );
  const taxOne = db.prepare<[string], TaxRow>(
    'SELECT id, name, name_en, rate_bp FROM tax_categories WHERE id = ?',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM products');
  const idBySku = db.prepare<[string], { id: string }>('SELECT id FROM products WHERE sku = ?');
  const insert = db.prepare(
    `INSERT INTO products (id, sku, name, name_en, price_minor, unit, tax_category_id, pinyin_initials, pinyin_full,
       active, updated_at, scale_item_code)
     VALUES (@id, @sku, @name, @nameEn, @priceMinor, @unit, @taxCategoryId, @initials, @full, @active, @now, @scale)`,
  );
  const update = db.prepare(
    `UPDATE products SET name = @name, name_en = @nameEn, price_minor = @priceMinor, unit = @unit,
       tax_category_id = @taxCategoryId, pinyin_initials = @initials, pinyin_full = @full,
       active = coalesce(@active, active), updated_at = @now, scale_item_code = @scale
     WHERE id = @id`,
  );
  const deleteCodes = db.prepare<[string]>('DELETE FROM barcodes WHERE product_id = ?');
  const insertCode = db.prepare<[string, string]>('INSERT INTO barcodes (code, product_id) VALUES (?, ?)');
  const ownerOfCode = db.prepare<[string], { sku: string }>(
    'SELECT p.sku FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ?',
  );
  const ownerOfScale = db.prepare<[number], { sku: string }>(
    'SELECT sku FROM products WHERE scale_item_code = ?',
  );
  const ownersOfCodes = db.prepare<[string], { code: string; sku: string }>(
    `SELECT b.code, p.sku FROM barcodes b JOIN products p ON p.id = b.product_id
     WHERE b.code IN (SELECT value FROM json_each(?))`,
  );
  const ownersOfScale = db.prepare<[string], { scale_item_code: number; sku: string }>(
    `SELECT scale_item_code, sku FROM products
     WHERE scale_item_code IS NOT NULL AND scale_item_code IN (SELECT value FROM json_each(?))`,
  );
  const releaseBarcodes = db.prepare<[string]>(
    'DELETE FROM barcodes WHERE product_id IN (SELECT id FROM products WHERE sku IN (SELECT value FROM json_each(?)))',
  );
  const releaseScale = db.prepare<[string]>(
    'UPDATE products SET scale_item_code = NULL WHERE sku IN (SELECT value FROM json_each(?))',
  );
  const freeBarcodes = db.prepare<[string]>(
    'DELETE FROM barcodes WHERE code IN (SELECT value FROM json_each(?))',
  );
  const freeScale = db.prepare<[string]>(
    // "IS NOT NULL" lets the planner use the partial unique index on scale_item_code.
    'UPDATE products SET scale_item_code = NULL WHERE scale_item_code IS NOT NULL AND scale_item_code IN (SELECT value FROM json_each(?))',
  );

  const view = (r: ProductRow, barcodes: readonly string[]): ProductView => ({
    id: r.id,
    sku: r.sku,
    name: r.name,
    nameEn: r.name_en,
    priceMinor: r.price_minor,
    unit: r.unit,
    taxCategoryId: r.tax_category_id,
    barcodes,
  });
  const withCodes = (r: ProductRow): ProductView =>
    view(
      r,
      codesOf.all(r.id).map((c) => c.code),
    );

  const getProduct: CatalogRepository['getProduct'] = (id, opts) => {
    const row = byId.get(id);
    if (!row || (row.active !== 1 && opts?.includeInactive !== true)) return null;
    return withCodes(row);
  };

  const findByBarcode = (parsed: ParsedBarcode): BarcodeMatch | null => {
    if (parsed.kind === 'gtin') {
      const row = byCode.get(parsed.code);
      return row ? { product: withCodes(row), parsed, qtyMilli: null, priceOverrideMinor: null } : null;
    }
    const row = byScaleItem.get(Number(parsed.itemCode));
    if (!row) return null;
    const product = withCodes(row);
    if (parsed.weightGrams !== undefined) {
      // A weight on a per-piece product would be sold as fractional pieces: a catalog/scale set-up error.
      if (product.unit !== 'kg') {
        throw new PosFailure(
          'BARCODE_UNKNOWN',
          `Scale label ${parsed.code} carries a weight, but item ${parsed.itemCode} (SKU ${product.sku}) is sold per piece.`,
          { code: parsed.code, itemCode: parsed.itemCode, sku: product.sku, reason: 'unit-mismatch' },
        );
      }
      return { product, parsed, qtyMilli: parsed.weightGrams, priceOverrideMinor: null };
    }
    return { product, parsed, qtyMilli: null, priceOverrideMinor: parsed.priceMinor ?? null };
  };

  return {
    getProduct,
    requireProduct(id) {
      const p = getProduct(id);
      if (!p) {
        const inactive = getProduct(id, { includeInactive: true }) !== null;
        const message = inactive ? `Product ${id} is inactive.` : `No product with id ${id}.`;
        throw new PosFailure('PRODUCT_NOT_FOUND', message, { productId: id, inactive });
      }
      return p;
    },
    getProducts(ids) {
      if (ids.length === 0) return [];
      const json = JSON.stringify(ids);
      const codes = new Map<string, string[]>();
      for (const c of codesOfMany.all(json)) {
        const list = codes.get(c.product_id);
        if (list) list.push(c.code);
        else codes.set(c.product_id, [c.code]);
      }
      const rows = new Map(byIds.all(json).map((r) => [r.id, r]));
      const out: ProductView[] = [];
      for (const id of ids) {
        const r = rows.get(id);
        if (r) out.push(view(r, codes.get(id) ?? []));
      }
      return out;
    },
    findByBarcode,
    lookupBarcode(raw, rules = null) {
      const parsed = parseBarcode(raw, rules);
      const match = findByBarcode(parsed);
      if (match) return match;
      const detail: Record<string, unknown> = { code: parsed.code, kind: parsed.kind };
      if (parsed.kind === 'variable') {
        detail.itemCode = parsed.itemCode;
        throw new PosFailure(
          'BARCODE_UNKNOWN',
          `No active product has scale item code ${parsed.itemCode} (label ${parsed.code}).`,
          detail,
        );
      }
      throw new PosFailure('BARCODE_UNKNOWN', `No active product has barcode ${parsed.code}.`, detail);
    },
    listTaxCategories: () => taxAll.all().map(toTax),
    getTaxCategory(id) {
      const r = taxOne.get(id);
      return r ? toTax(r) : null;
    },
    productCount: () => count.get()?.n ?? 0,
    upsertProduct(input, opts) {
      const { initials, full } = opts.keys ?? pinyinKeys(input.name);
      const existing = idBySku.get(input.sku);
      const id = existing?.id ?? (opts.newId ?? randomUUID)();
      const params = {
        id,
        sku: input.sku,
        name: input.name,
        nameEn: input.nameEn,
        priceMinor: input.priceMinor,
        unit: input.unit,
        taxCategoryId: input.taxCategoryId,
        initials,
        full,
        now: opts.now.toISOString(),
        scale: input.scaleItemCode,
        active: input.active === undefined ? null : input.active ? 1 : 0,
      };
      if (existing) update.run(params);
      else insert.run({ ...params, active: params.active ?? 1 });
      deleteCodes.run(id);
      for (const code of input.barcodes) insertCode.run(code, id);
      bumpCatalogGeneration(db);
      return { id, inserted: !existing };
    },
    barcodeOwner: (code) => ownerOfCode.get(code)?.sku ?? null,
    scaleItemOwner: (itemCode) => ownerOfScale.get(itemCode)?.sku ?? null,
    barcodeOwners: (codes) =>
      codes.length === 0
        ? new Map()
        : new Map(ownersOfCodes.all(JSON.stringify(codes)).map((r) => [r.code, r.sku])),
    scaleItemOwners: (itemCodes) =>
      itemCodes.length === 0
        ? new Map()
        : new Map(ownersOfScale.all(JSON.stringify(itemCodes)).map((r) => [r.scale_item_code, r.sku])),
    releaseCodes(skus) {
      if (skus.length === 0) return;
      const json = JSON.stringify(skus);
      releaseBarcodes.run(json);
      releaseScale.run(json);
      bumpCatalogGeneration(db);
    },
    freeCodes(codes, scaleItemCodes) {
      if (codes.length > 0) freeBarcodes.run(JSON.stringify(codes));
      if (scaleItemCodes.length > 0) freeScale.run(JSON.stringify(scaleItemCodes));
      bumpCatalogGeneration(db);
    },
  };
}
