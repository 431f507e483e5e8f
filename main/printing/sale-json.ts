// The receipt JSON file (docs/receipt-json.md): a completed sale, the store header and receipt options.
// Validated field by field so a hand-written or exported file fails with the path of what is wrong.
import { z } from 'zod';
import { DiscountSchema, LocaleSchema } from '../api/contract';
import { DEFAULT_STORE_TIME_ZONE, TimeZoneSchema } from '../api/contract/settings';
import { assertCurrency } from '../api/money';
import { MAX_QTY_MILLI } from '../api/quantity';
import type { ReceiptSale, ReceiptStore } from './receipt-input';

const minor = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().min(1).max(max);

const LineSchema = z.strictObject({
  lineId: text(64),
  productId: text(64),
  sku: text(64),
  name: text(200),
  nameEn: text(200).nullable(),
  unit: z.enum(['each', 'kg']),
  qtyMilli: z.int().min(1).max(MAX_QTY_MILLI),
  unitPriceMinor: minor,
  taxCategoryId: text(64),
  taxRateBp: z.int().min(0).max(10_000),
  discount: DiscountSchema.nullable(),
  grossMinor: minor,
  lineDiscountMinor: minor,
  orderDiscountMinor: minor,
  netMinor: minor,
  taxMinor: minor,
  totalMinor: minor,
});

const TaxSchema = z.strictObject({
  taxCategoryId: text(64),
  name: text(64),
  rateBp: z.int().min(0).max(10_000),
  baseMinor: minor,
  taxMinor: minor,
});

const TenderSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cash'), amountMinor: minor, tenderedMinor: minor, changeMinor: minor }),
  z.strictObject({
    kind: z.literal('card'),
    amountMinor: minor,
    brand: text(32).nullable(),
    // Four digits and no more: a receipt never carries a PAN.
    last4: z
      .string()
      .regex(/^\d{4}$/, 'must be exactly the last 4 digits')
      .nullable(),
  }),
]);

const CurrencySchema = z.string().refine(
  (c) => {
    try {
      assertCurrency(c);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an ISO 4217 code such as "CNY"' },
);

export const ReceiptFileSchema = z.strictObject({
  store: z.strictObject({
    name: text(100),
    nameEn: text(100).nullable().default(null),
    address: text(200).nullable().default(null),
    taxNumber: text(40).nullable().default(null),
    terminalId: text(64).nullable().default(null),
  }),
  receipt: z
    .strictObject({
      locale: LocaleSchema.default('zh-CN'),
      copy: z.boolean().default(false),
      lookupUrl: z.url().max(500).nullable().default(null),
      timeZone: TimeZoneSchema.default(DEFAULT_STORE_TIME_ZONE),
    })
    .prefault({}),
  sale: z
    .strictObject({
      saleId: text(64).optional(),
      // Printed as a CODE128 barcode (code set B): printable ASCII only.
      receiptNo: z.string().regex(/^[\x20-\x7e]{1,40}$/, 'must be 1-40 printable ASCII characters'),
      completedAt: z.iso.datetime({ offset: true }),
      training: z.boolean(),
      currency: CurrencySchema,
      lines: z.array(LineSchema).min(1).max(500),
      orderDiscount: DiscountSchema.nullable(),
      totals: z.strictObject({
        grossMinor: minor,
        lineDiscountMinor: minor,
        orderDiscountMinor: minor,
        taxMinor: minor,
        totalMinor: minor,
        taxes: z.array(TaxSchema).max(20),
      }),
      tenders: z.array(TenderSchema).max(10),
    })
    .superRefine(checkSums),
});

type SaleInput = {
  lines: readonly { grossMinor: number; lineDiscountMinor: number; orderDiscountMinor: number }[];
  totals: { grossMinor: number; lineDiscountMinor: number; orderDiscountMinor: number };
  tenders: readonly (
    { kind: 'cash'; amountMinor: number; tenderedMinor: number; changeMinor: number } | { kind: 'card' }
  )[];
};

// The printer trusts the sale's figures; these cheap cross-checks catch a hand-edited file that no longer adds up
// before it becomes a receipt whose lines disagree with its total.
function checkSums(sale: SaleInput, ctx: z.RefinementCtx): void {
  for (const key of ['grossMinor', 'lineDiscountMinor', 'orderDiscountMinor'] as const) {
    const sum = sale.lines.reduce((n, l) => n + l[key], 0);
    if (sum !== sale.totals[key]) {
      ctx.addIssue({
        code: 'custom',
        path: ['totals', key],
        message: `is ${sale.totals[key]} but the lines' ${key} add up to ${sum}`,
      });
    }
  }
  sale.tenders.forEach((t, i) => {
    if (t.kind === 'cash' && t.tenderedMinor - t.amountMinor !== t.changeMinor) {
      ctx.addIssue({
        code: 'custom',
        path: ['tenders', i, 'changeMinor'],
        message: `is ${t.changeMinor} but tenderedMinor - amountMinor = ${t.tenderedMinor - t.amountMinor}`,
      });
    }
  });
}

export type ReceiptFile = z.infer<typeof ReceiptFileSchema>;

export interface ParsedReceiptFile {
  readonly sale: ReceiptSale;
  readonly store: ReceiptStore;
  readonly receipt: ReceiptFile['receipt'];
}

/** Why a receipt file was refused: one message per problem, each naming its field ("sale.lines[1].unit"). */
export class ReceiptFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid receipt file:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ReceiptFileError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  return out === '' ? '(top level)' : out;
}

/** Parses and validates the text of a receipt file; throws ReceiptFileError naming every bad field. */
export function parseReceiptFile(json: string): ParsedReceiptFile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new ReceiptFileError([`not valid JSON: ${(e as Error).message}`]);
  }
  const result = ReceiptFileSchema.safeParse(raw);
  if (!result.success) {
    throw new ReceiptFileError(result.error.issues.map((i) => `${fieldPath(i.path)}: ${i.message}`));
  }
  return result.data;
}
