// The gateway settings in config.json (`gateway`, optional): where the gateway is, the terminal secret's file,
// the TLS pin and the card-encryption key pin. HTTPS is the rule: plain http:// is accepted only in training
// mode and only to this machine (a sandbox gateway on loopback); a live till with http:// does not start.
// Used by the config loader and the settings screen alike (gatewayConfigProblem checks what one block alone
// cannot: the URL against the mode).
import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits (a SHA-256)');

export const GatewayConfigSchema = z
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

export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;

const isLoopbackUrl = (url: string): boolean => LOOPBACK_HOSTS.has(new URL(url).hostname.toLowerCase());

/** A plain-http gateway on this machine: a training sandbox, never a real gateway (main/training/mode-check.ts). */
export const isSandboxGateway = (gateway: Pick<GatewayConfig, 'url'>): boolean =>
  gateway.url.startsWith('http:') && isLoopbackUrl(gateway.url);

/** Why this gateway block may not be used in this mode; null when it may. */
export function gatewayConfigProblem(gateway: GatewayConfig, trainingMode: boolean): string | null {
  if (!gateway.url.startsWith('http:')) return null;
  if (!isLoopbackUrl(gateway.url))
    return `gateway.url ${gateway.url} is plain http:// to another machine; use https:// with gateway.serverCertFile`;
  if (!trainingMode)
    return `gateway.url ${gateway.url} is plain http://, allowed only for a training sandbox on this machine; a live till needs https:// with gateway.serverCertFile`;
  return null;
}
