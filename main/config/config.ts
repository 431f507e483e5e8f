// The install-time configuration: `config.json` in the data folder. Written with defaults on first start
// (training mode on, CNY, price-inclusive), never rewritten when it exists: a broken file is reported with
// a clear error and left exactly as it is, because it may be the only record of the shop's settings.
import { CARD_BRANDS } from '../../native/card/card-facts';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LocaleSchema } from '../api/contract';
import { assertCurrency } from '../api/money';
import { PosFailure } from '../api/result';
import { gatewayConfigProblem, GatewayConfigSchema } from './gateway-config';
import { PrinterConfigSchema } from './printer-config';
import { STORE_FILE } from '../store/files';

const VariableMeasureRuleSchema = z.strictObject({
  prefix: z.string().regex(/^2\d{0,2}$/),
  itemDigits: z.int().min(1).max(6),
  value: z.enum(['weight', 'price']),
  valueDigits: z.int().min(1).max(6),
});

const TaxCategorySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]{1,16}$/),
  name: z.string().min(1).max(40),
  nameEn: z.string().max(40).nullable(),
  /** basis points: 1300 = 13 % */
  rateBp: z.int().min(0).max(10_000),
});

export const ConfigSchema = z.strictObject({
  /** Bumped only when the file's shape changes incompatibly. */
  configVersion: z.literal(1),
  trainingMode: z.boolean(),
  defaultLocale: LocaleSchema,
  currency: z.string().regex(/^[A-Z]{3}$/),
  pricingMode: z.enum(['inclusive', 'exclusive']),
  taxRounding: z.enum(['line', 'receipt']),
  store: z.strictObject({
    name: z.string().min(1).max(80),
    nameEn: z.string().max(80).nullable(),
    terminalId: z.string().regex(/^[A-Za-z0-9-]{1,16}$/),
    /** Printed in the receipt header when set. */
    address: z.string().max(120).nullable().optional(),
    /** The shop's tax registration number (纳税人识别号), printed on receipts when set. */
    taxNumber: z.string().max(40).nullable().optional(),
    /** A PNG printed centred at the top of the receipt header when set (main/printing/logo.ts). */
    logoPath: z.string().min(1).nullable().optional(),
  }),
  /** Scale labels (GS1 prefix 2); null = the catalog's documented defaults. */
  variableMeasureRules: z.array(VariableMeasureRuleSchema).nullable(),
  /** The shop's VAT categories, kept in the database at every start. Default: China's VAT rates. */
  taxCategories: z.array(TaxCategorySchema).min(1).optional(),
  /** Receipt printer profile, mode and drawer pulse (main/config/printer-config.ts). Optional. */
  printer: PrinterConfigSchema.optional(),
  /**
   * The payment gateway (docs/gateway-openapi.yaml; main/config/gateway-config.ts: https with a pinned
   * certificate, the card key pin). Absent: in training mode the sandbox gateway runs inside the app on
   * loopback; otherwise card and QR payments are off. The terminal secret is a file (mode 0600) beside
   * config.json, never in it.
   */
  gateway: GatewayConfigSchema.optional(),
  /**
   * The card reader. `idtech-hid`: an encrypting ID TECH reader on USB HID (DUKPT; `variant` is the reader's
   * key setting). `keyboard-wedge`: a reader that types clear tracks — it works (main encrypts at once) but
   * widens PCI scope, and the till says so. Absent: none (training mode uses an emulated encrypting reader).
   */
  cardReader: z
    .discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('idtech-hid'),
        variant: z.enum(['pin', 'data']),
        vendorId: z.int().min(0).max(0xffff).optional(),
        productId: z.int().min(0).max(0xffff).optional(),
      }),
      z.strictObject({ kind: z.literal('keyboard-wedge') }),
    ])
    .optional(),
  /** Store-and-forward limits (main/payments/offline/policy.ts); absent fields take the documented defaults. */
  offlinePolicy: z
    .strictObject({
      perPaymentCapMinor: z.int().min(0).optional(),
      totalCapMinor: z.int().min(0).optional(),
      countCap: z.int().min(0).max(10_000).optional(),
      forwardDeadlineHours: z.int().min(1).max(168).optional(),
      entryModes: z.array(z.enum(['swipe', 'wedge-swipe', 'chip', 'contactless', 'keyed'])).optional(),
      brands: z.array(z.enum(CARD_BRANDS)).optional(),
    })
    .optional(),
  /**
   * Discounts a cashier may give alone (main/sale/discount-limit.ts): a percent discount over `maxPercentBp`,
   * or any discount taking more than `maxAmountMinor` off, needs a supervisor's or manager's approval.
   * Absent fields: 20 % (2000) and 50.00 (5000 minor units).
   */
  discountApproval: z
    .strictObject({
      maxPercentBp: z.int().min(0).max(10_000).optional(),
      maxAmountMinor: z.int().min(0).optional(),
    })
    .optional(),
});

export type PosConfig = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: PosConfig = {
  configVersion: 1,
  trainingMode: true,
  defaultLocale: 'zh-CN',
  currency: 'CNY',
  pricingMode: 'inclusive',
  taxRounding: 'line',
  store: {
    name: '示范便利店',
    nameEn: 'Demo Convenience Store',
    terminalId: 'T01',
    address: '上海市浦东新区示范路 1 号',
    taxNumber: null,
  },
  variableMeasureRules: null,
};

/** China's VAT rates (standard 13 %, reduced 9 % and 6 %, zero-rated): the default tax categories. */
export const DEFAULT_TAX_CATEGORIES: NonNullable<PosConfig['taxCategories']> = [
  { id: 'std', name: '标准税率', nameEn: 'Standard', rateBp: 1300 },
  { id: 'food', name: '食品', nameEn: 'Food', rateBp: 900 },
  { id: 'svc', name: '服务', nameEn: 'Services', rateBp: 600 },
  { id: 'zero', name: '免税', nameEn: 'Zero-rated', rateBp: 0 },
];

export const CONFIG_FILE = 'config.json';

/**
 * Reads `dataDir/config.json`; on a first start creates it with defaults. Throws PosFailure: CONFIG_CORRUPT
 * (unreadable or invalid; left untouched), CONFIG_MISSING (absent while `store.holdsSales()`: a live shop's
 * settings are never replaced by training-mode defaults).
 */
export function loadConfig(
  dataDir: string,
  overrides: Partial<Pick<PosConfig, 'trainingMode'>> = {},
  store: { readonly holdsSales?: () => boolean } = {},
): PosConfig {
  const file = path.join(dataDir, CONFIG_FILE);
  if (!fs.existsSync(file)) {
    // A store made before the first start (the staff CLI adding the first manager) is still a first start.
    if (store.holdsSales?.() === true) {
      throw new PosFailure(
        'CONFIG_MISSING',
        `${file} is missing, but ${path.join(dataDir, STORE_FILE)} already holds this till's sales; restore the settings file`,
        { file },
      );
    }
    const fresh = { ...DEFAULT_CONFIG, ...overrides };
    writeFileAtomic(file, JSON.stringify(fresh, null, 2) + '\n');
    return fresh;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    // A directory in its place, no permission, a read error: still the settings file, still left untouched.
    throw new PosFailure('CONFIG_CORRUPT', `${file} cannot be read: ${(e as Error).message}`, { file });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PosFailure('CONFIG_CORRUPT', `${file} is not valid JSON: ${(e as Error).message}`, { file });
  }
  return { ...validateConfig(raw, file), ...overrides };
}

/**
 * The one check of a settings object, for config.json at start and for a change saved from the settings screen:
 * the schema, then the currency. Throws PosFailure CONFIG_CORRUPT naming the file and up to five problems.
 */
export function validateConfig(raw: unknown, file: string): PosConfig {
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new PosFailure('CONFIG_CORRUPT', `${file} has invalid settings: ${issues.join('; ')}`, {
      file,
      issues,
    });
  }
  try {
    assertCurrency(parsed.data.currency);
  } catch (e) {
    throw new PosFailure('CONFIG_CORRUPT', `${file}: ${(e as Error).message}`, { file });
  }
  const { gateway, trainingMode } = parsed.data;
  const gatewayProblem = gateway ? gatewayConfigProblem(gateway, trainingMode) : null;
  if (gatewayProblem !== null) throw new PosFailure('CONFIG_CORRUPT', `${file}: ${gatewayProblem}`, { file });
  return parsed.data;
}

/** Write-to-temp, fsync, rename: a power cut leaves either the old file or the new one, never half. */
export function writeFileAtomic(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
