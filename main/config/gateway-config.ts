// The gateway settings in config.json (`gateway`, optional): where the gateway is, the terminal secret's file,
// the TLS pin and the card-encryption key pin. HTTPS is the rule: plain http:// is accepted only in training
// mode and only to this machine (a sandbox gateway on loopback); a live till with http:// does not start.
// Used by the config loader and the settings screen alike (gatewayConfigProblem checks what one block alone
// cannot: the URL against the mode).
import type { z } from 'zod';
import { GatewaySettingsSchema } from '../api/contract';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
export const GatewayConfigSchema = GatewaySettingsSchema;

export type GatewayConfig = z.infer<typeof GatewaySettingsSchema>;

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
