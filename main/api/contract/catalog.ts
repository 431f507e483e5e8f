// Catalog channels: product search, and the catalog import from the UI (preview, approved run, cancel) with its
// progress event. The raw text import is gone from the contract: a file goes in as bytes, is previewed (its
// encoding detected, every row checked), and only a previewed file is imported, with a manager's approval.
import { z } from 'zod';
import { ApprovalSchema, id, type Unit } from './shared';
import { carries, returns, type ChannelDefs, type EventDefs } from './define';

export interface ProductView {
  readonly id: string;
  readonly sku: string;
  readonly name: string; // primary (usually Chinese) name
  readonly nameEn: string | null;
  readonly priceMinor: number; // per piece, or per kg for weighed items
  readonly unit: Unit;
  readonly taxCategoryId: string;
  readonly barcodes: readonly string[];
}

/** What an import wrote: the answer of the command-line tool. */
export interface ImportReport {
  readonly imported: number;
  readonly updated: number;
}

/** The largest file the app imports: far above 100,000 product rows (about 10 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** base64 of MAX_IMPORT_BYTES. */
const MAX_IMPORT_BASE64 = 4 * Math.ceil(MAX_IMPORT_BYTES / 3);
/**
 * Padded base64, checked by one plain pattern: about 8x faster than z.base64() on a 20 MB file (this check runs
 * on the main thread; the bytes are decoded in the worker).
 */
const Base64Bytes = z
  .string()
  .min(4)
  .max(MAX_IMPORT_BASE64)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .refine((s) => s.length % 4 === 0, 'base64 comes in groups of 4 characters');

/** How the file's text was encoded: `gbk` is GB18030 without its 4-byte sequences (Chinese Excel's "CSV"). */
export const IMPORT_ENCODINGS = ['utf-8', 'utf-8-bom', 'gbk', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** Against the catalog as it is: a new SKU, an existing product the row changes, or one it leaves as it is. */
export type ImportChange = 'new' | 'updated' | 'unchanged';

export interface ImportCounts {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** A problem of the file, at its 1-based line (the header is line 1); column null: the whole row. */
export interface ImportLineError {
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;
}

/** A product's own fields, as a catalog file gives them and the catalog stores them. */
export interface ProductFields {
  readonly sku: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly priceMinor: number;
  readonly unit: Unit;
  readonly taxCategoryId: string;
  /** Normalised codes (see main/catalog/barcode.ts); the first is the primary. */
  readonly barcodes: readonly string[];
  /** Scale item (PLU) code for variable-measure labels; null = none. */
  readonly scaleItemCode: number | null;
}

export interface ImportPreviewRow extends ProductFields {
  readonly line: number;
  /** null: not given (a new product is active, an existing one keeps its state). */
  readonly active: boolean | null;
  readonly change: ImportChange;
}

export interface ImportPreview {
  readonly importId: string;
  readonly fileName: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly encoding: ImportEncoding;
  /** Product rows in the file (blank rows not counted). */
  readonly rowCount: number;
  /** Of the rows that passed their checks. */
  readonly counts: ImportCounts;
  /** The first rows that passed their checks, in file order. */
  readonly rows: readonly ImportPreviewRow[];
  /** Every problem by line, the first MAX_REPORTED_ERRORS of them; `errorTotal` counts them all. */
  readonly errors: readonly ImportLineError[];
  readonly errorTotal: number;
  /** After this the staged file is gone and the preview must be made again. */
  readonly expiresAt: string;
}

export interface ImportResult {
  readonly importId: string;
  /** cancelled: stopped between two write transactions; the rows written before it stay (docs/catalog.md). */
  readonly status: 'done' | 'cancelled';
  /** What the file does to the catalog, from the checks made at the start of the run. */
  readonly counts: ImportCounts;
  /** Rows written, of `total`. */
  readonly written: number;
  readonly total: number;
}

export interface ImportProgress {
  readonly importId: string;
  readonly phase: 'checking' | 'writing';
  readonly done: number;
  readonly total: number;
}

export const catalogChannels = {
  'catalog.search': {
    input: z.strictObject({ query: z.string().max(64), limit: z.int().min(1).max(100).optional() }),
    output: returns<readonly ProductView[]>(),
  },
  /**
   * Stages a file (bytes in base64, at most MAX_IMPORT_BYTES) in the data folder, detects its encoding and
   * checks every row in a worker thread; writes nothing to the catalog. CSV_INVALID: not a text encoding we read.
   */
  'catalog.importPreview': {
    input: z.strictObject({
      fileName: z.string().min(1).max(255),
      bytes: Base64Bytes,
    }),
    output: returns<ImportPreview>(),
  },
  /**
   * Imports a previewed file without errors, approved by a manager (catalog.import) and journaled, in a worker
   * thread; `catalogImport` events report progress. Answers when it has finished or was cancelled.
   */
  'catalog.importRun': {
    input: z.strictObject({ importId: id, approval: ApprovalSchema }),
    output: returns<ImportResult>(),
  },
  /** Stops a running import between two write transactions, or drops a previewed one; idempotent. */
  'catalog.importCancel': {
    input: z.strictObject({ importId: id }),
    output: returns<{ readonly cancelled: boolean }>(),
  },
} as const satisfies ChannelDefs;

export const catalogEvents = {
  /** Progress of a running import: rows checked, then rows written. */
  catalogImport: carries<ImportProgress>(),
} as const satisfies EventDefs;
