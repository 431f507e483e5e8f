// config.json's shape and its defaults, without the file: the contract's settings shape
// (main/api/contract/settings.ts) plus what only main checks — a known printer profile, known card brands —
// and the offline limits, which only a file edit changes.
import { z } from 'zod';
import { CARD_BRANDS } from '../../native/card/card-facts';
import { SettingsSchema } from '../api/contract';
import { PrinterConfigSchema } from './printer-config';

export const ConfigSchema = SettingsSchema.extend({
  printer: PrinterConfigSchema.optional(),
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
