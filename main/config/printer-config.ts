// The printer settings in config.json (`printer`, optional: a config without it keeps working) and their
// defaults: where the printer is (network, USB or usblp), how to talk to it (the profile: paper width, fonts;
// the mode) and the cash-drawer pulse. The shape is declared once in the contract (main/api/contract/devices.ts)
// so the settings screen edits exactly what this file validates.
import { DEFAULT_DRAWER_PULSE } from '../../native/escpos/encode/drawer';
import type { DrawerPulse } from '../../native/escpos/encode/drawer';
import { findProfile, withPaperWidth } from '../../native/escpos/encode/profiles';
import type { PrintMode, PrinterProfile } from '../../native/escpos/encode/profiles';
import { PrinterSettingsSchema, type PrinterSettingsConfig } from '../api/contract';

export { PrinterConnectionSchema } from '../api/contract';
export type { PrinterConnectionConfig } from '../api/contract';

export const PrinterConfigSchema = PrinterSettingsSchema.refine(
  (p) => p.profileId === undefined || findProfile(p.profileId) !== undefined,
  { message: 'is not a known printer profile', path: ['profileId'] },
);

export type PrinterConfig = PrinterSettingsConfig;

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
    profile: config?.paperMm ? withPaperWidth(profile, config.paperMm) : profile,
    mode: config?.mode ?? profile.defaultMode,
    drawer: config?.drawer ?? DEFAULT_DRAWER_PULSE,
    kickDrawerOnCash: config?.kickDrawerOnCash ?? true,
  };
}
