// config.json's shape: what the settings screen edits and main validates, declared once here (pure zod, shared
// with the renderer). main/config/config-schema.ts adds what only main can check (a known printer profile,
// known card brands) and the settings the screen does not edit (offline limits).
import { z } from 'zod';
import { LocaleSchema } from './shared';
import { CardReaderConfigSchema, PrinterSettingsSchema } from './devices';

const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits (a SHA-256)');

export const GatewaySettingsSchema = z
  .strictObject({
    /** https://host[:port] of the gateway; http:// only to loopback in training mode */
    url: z.url({ protocol: /^https?$/ }),
    /** the terminal secret's file (mode 0600), relative to the data folder */
    terminalSecretFile: z.string().min(1),
    /** PEM: the gateway's certificate or the CA that signed it; the ONLY trust anchor (required for https) */
    serverCertFile: z.string().min(1).optional(),
    /** optionally also the leaf certificate's SHA-256 fingerprint (hex; colons allowed) */
    serverCertSha256: z
      .string()
      .transform((s) => s.replace(/:/g, '').toLowerCase())
      .pipe(hex64)
      .optional(),
    /** the one card-encryption key to seal wedge swipes to: its kid and the SHA-256 of its DER SPKI (hex) */
    encryptionKey: z
      .strictObject({
        keyId: z.string().min(1).max(128),
        spkiSha256: hex64.transform((s) => s.toLowerCase()),
      })
      .optional(),
  })
  .superRefine((g, ctx) => {
    if (g.url.startsWith('https:') && g.serverCertFile === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['serverCertFile'],
        message: "is required with an https:// gateway: the PEM of the gateway's certificate or its CA",
      });
    }
  });

const VariableMeasureRuleSchema = z.strictObject({
  prefix: z.string().regex(/^2\d{0,2}$/),
  itemDigits: z.int().min(1).max(6),
  value: z.enum(['weight', 'price']),
  valueDigits: z.int().min(1).max(6),
});

/** The shop's business time zone when config.json names none: the wallets date their bills in China time. */
export const DEFAULT_STORE_TIME_ZONE = 'Asia/Shanghai';

/** An IANA zone name this runtime's Intl knows ('Mars/Olympus' is refused, naming itself). */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    {
      error: (i) => `unknown time zone ${JSON.stringify(i.input)}: give an IANA name such as "Asia/Shanghai"`,
    },
  );

const TaxCategorySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]{1,16}$/),
  name: z.string().min(1).max(40),
  nameEn: z.string().max(40).nullable(),
  /** basis points: 1300 = 13 % */
  rateBp: z.int().min(0).max(10_000),
});

export const SettingsSchema = z.strictObject({
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
    /**
     * The shop's business time zone (IANA): where a settlement date, a business day's hours begin and end.
     * Absent: DEFAULT_STORE_TIME_ZONE. Read at start, like every setting (the app restarts after a save).
     */
    timeZone: TimeZoneSchema.optional(),
  }),
  /** Scale labels (GS1 prefix 2); null = the catalog's documented defaults. */
  variableMeasureRules: z.array(VariableMeasureRuleSchema).nullable(),
  /** The shop's VAT categories, kept in the database at every start. Default: China's VAT rates. */
  taxCategories: z.array(TaxCategorySchema).min(1).optional(),
  /** Receipt printer profile, mode and drawer pulse (profile checked in main/config/printer-config.ts). Optional. */
  printer: PrinterSettingsSchema.optional(),
  /**
   * The payment gateway (docs/gateway-openapi.yaml; main/config/gateway-config.ts: https with a pinned
   * certificate, the card key pin). Absent: in training mode the sandbox gateway runs inside the app on
   * loopback; otherwise card and QR payments are off. The terminal secret is a file (mode 0600) beside
   * config.json, never in it.
   */
  gateway: GatewaySettingsSchema.optional(),
  /** The card reader (main/api/contract/devices.ts). Absent: none (training uses an emulated reader). */
  cardReader: CardReaderConfigSchema.optional(),
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
  /**
   * Cash control (main/shifts/cash-limits.ts): a float, paid-in, paid-out or safe drop over
   * `movementApprovalMinor` needs a supervisor's or manager's approval; a blind count whose variance is over
   * `varianceApprovalMinor` either way needs a manager's sign-off with a note. Absent fields: 500.00 (50000
   * minor units) and 10.00 (1000).
   */
  cashControl: z
    .strictObject({
      movementApprovalMinor: z.int().min(0).optional(),
      varianceApprovalMinor: z.int().min(0).optional(),
    })
    .optional(),
  /**
   * Signing in at the till (main/staff/idle-lock.ts): after `idleLockMinutes` without keyboard, scanner or
   * touch input a signed-in till locks (0: never). Absent: 5 minutes.
   */
  signIn: z.strictObject({ idleLockMinutes: z.int().min(0).max(240).optional() }).optional(),
});

/** The settings the screen edits: config.json without what only a file edit changes (offline limits). */
export type SettingsDoc = z.infer<typeof SettingsSchema>;
/** The keys of SettingsDoc (setup.save keeps every other key of config.json as it is on file). */
export const SETTINGS_KEYS = Object.keys(SettingsSchema.shape) as readonly (keyof SettingsDoc)[];
