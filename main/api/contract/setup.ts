// Setup channels: the shop's settings (config.json) read and changed from the app by a manager, the gateway
// connection tried before it is saved, and leaving training mode. Each change is validated in main by the
// same schema as config.json (main/config/config.ts) and journaled with who approved it and what changed.
import { z } from 'zod';
import type { SettingsDoc } from './settings';
import { ApprovalSchema } from './shared';
import { returns, type ChannelDefs } from './define';

export interface SettingsView {
  readonly settings: SettingsDoc;
  /** this start runs in training mode */
  readonly training: boolean;
  /** nobody has saved settings yet (config.json is as first written): the screen offers setup */
  readonly firstStart: boolean;
  readonly dataDir: string;
  /** where the log files are (support asks for them) */
  readonly logDir: string;
  /** a terminal secret / pinned gateway certificate is on file (never sent to the screen itself) */
  readonly terminalSecretSet: boolean;
  readonly serverCertSet: boolean;
  /** managers or owners on file (not the training manager): leaving training needs one */
  readonly managersOnFile: number;
  /** the shell restarts the app by itself after a change (else the screen asks for a restart) */
  readonly restartsItself: boolean;
}

export interface SettingsSaved {
  /** the changed settings, as journaled */
  readonly changes: readonly { readonly path: string; readonly from: unknown; readonly to: unknown }[];
  /** the app is restarting to apply them (false: restart it by hand) */
  readonly restarting: boolean;
}

export interface GatewayTestView {
  readonly ok: boolean;
  readonly latencyMs: number | null;
  /** the gateway's clock minus this PC's, from the round trip's midpoint */
  readonly clockSkewMs: number | null;
  /** the card-encryption key the gateway offers, to pin (gateway.encryptionKey) */
  readonly key: { readonly keyId: string; readonly spkiSha256: string } | null;
  /** why not, in English for support; the screen shows `code` translated */
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** A terminal secret as typed: 64+ hex digits, or 32+ characters. Kept in a 0600 file, never in config.json. */
const TerminalSecretSchema = z
  .string()
  .trim()
  .refine((s) => /^[0-9a-fA-F]{64,}$/.test(s) || new TextEncoder().encode(s).length >= 32, {
    message: 'must be 64+ hex digits or 32+ characters',
  });
const PemSchema = z
  .string()
  .trim()
  .max(64 * 1024)
  .regex(/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/, 'must be a PEM certificate');

export const setupChannels = {
  /** The settings on file and what the screen needs around them; nothing secret. */
  'setup.view': { input: z.strictObject({}), output: returns<SettingsView>() },
  /**
   * Saves changed settings (manager, settings.change): validated as config.json is, the old file kept as
   * config.previous.json, journaled (each changed setting, who approved), then the app restarts to apply them.
   * A terminal secret or gateway certificate given here is written to its own 0600 file in the data folder.
   */
  'setup.save': {
    input: z.strictObject({
      approval: ApprovalSchema,
      settings: z.record(z.string(), z.unknown()),
      terminalSecret: TerminalSecretSchema.optional(),
      serverCertPem: PemSchema.optional(),
    }),
    output: returns<SettingsSaved>(),
  },
  /** Tries a gateway before it is saved: a signed request over its pinned TLS, latency, clock skew, its key. */
  'setup.testGateway': {
    input: z.strictObject({
      url: z.url({ protocol: /^https?$/ }),
      terminalSecret: TerminalSecretSchema.optional(),
      serverCertPem: PemSchema.optional(),
    }),
    output: returns<GatewayTestView>(),
  },
  /**
   * Leaves training mode (training.leave): needs a manager or owner on file, not the training manager. The
   * training store is archived and the live store starts clean at the restart (main/training/go-live.ts).
   * A real gateway cannot be configured while training (the two never run together), so it comes with this
   * step: config.json's `gateway` block and its secrets, checked before anything is written.
   */
  'setup.goLive': {
    input: z.strictObject({
      approval: ApprovalSchema,
      gateway: z.record(z.string(), z.unknown()).optional(),
      terminalSecret: TerminalSecretSchema.optional(),
      serverCertPem: PemSchema.optional(),
    }),
    output: returns<SettingsSaved>(),
  },
} as const satisfies ChannelDefs;
