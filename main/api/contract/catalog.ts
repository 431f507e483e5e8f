// Catalog channels: product search and CSV import.
import { z } from 'zod';
import type { Unit } from './shared';
import { returns, type ChannelDefs } from './define';

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

export interface ImportReport {
  readonly imported: number;
  readonly updated: number;
}

export const catalogChannels = {
  'catalog.search': {
    input: z.strictObject({ query: z.string().max(64), limit: z.int().min(1).max(100).optional() }),
    output: returns<readonly ProductView[]>(),
  },
  'catalog.importCsv': {
    input: z.strictObject({ csv: z.string().max(50_000_000) }),
    output: returns<ImportReport>(),
  },
} as const satisfies ChannelDefs;
