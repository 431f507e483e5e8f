// The printer settings in config.json (`printer`, optional: a config without it keeps working) and their
// defaults. Which printer to talk to is the shell's business (it injects a PrinterPort); this says how to
// talk to it: the profile (paper width, fonts), the mode, and the cash-drawer pulse.
import { z } from 'zod';
import { DEFAULT_DRAWER_PULSE } from '../../native/escpos/encode/drawer';
import type { DrawerPulse } from '../../native/escpos/encode/drawer';
import { findProfile } from '../../native/escpos/encode/profiles';
import type { PrintMode, PrinterProfile } from '../../native/escpos/encode/profiles';

const units = z.int().min(0).max(255); // ESC p timings are in 2 ms units

export const PrinterConfigSchema = z.strictObject({
  /** native/escpos/encode/profiles.ts id: 'cn-80', 'cn-58', 'epson-80' */
  profileId: z
    .string()
    .max(32)
    .refine((id) => findProfile(id) !== undefined, { message: 'is not a known printer profile' })
    .optional(),
  /** overrides the profile's default mode (raster for a printer without a Chinese font) */
  mode: z.enum(['text', 'raster']).optional(),
  drawer: z.strictObject({ pin: z.union([z.literal(2), z.literal(5)]), t1: units, t2: units }).optional(),
  /** open the drawer after every cash sale (default true) */
  kickDrawerOnCash: z.boolean().optional(),
  /**
   * Where the printer is, outside training mode (training always prints to the emulated printer). Only a
   * network printer for now; a shell may instead inject its own PrinterPort (USB).
   */
  connection: z
    .strictObject({
      kind: z.literal('tcp'),
      host: z.string().min(1).max(253),
      port: z.int().min(1).max(65_535).optional(),
    })
    .optional(),
});

export type PrinterConfig = z.infer<typeof PrinterConfigSchema>;

export interface PrinterSettings {
  readonly profile: PrinterProfile;
  readonly mode: PrintMode;
  readonly drawer: DrawerPulse;
  readonly kickDrawerOnCash: boolean;
}

/** A Chinese 80 mm printer: what the training-mode emulated printer is, and the most common shop printer. */
export const DEFAULT_PROFILE_ID = 'cn-80';

export function resolvePrinterSettings(config: PrinterConfig | undefined): PrinterSettings {
  const profile = findProfile(config?.profileId ?? DEFAULT_PROFILE_ID);
  if (!profile) throw new Error(`unknown printer profile ${String(config?.profileId)}`);
  return {
    profile,
    mode: config?.mode ?? profile.defaultMode,
    drawer: config?.drawer ?? DEFAULT_DRAWER_PULSE,
    kickDrawerOnCash: config?.kickDrawerOnCash ?? true,
  };
}
