// For tests of a LIVE till against a sandbox gateway: a live till talks only HTTPS to a gateway whose
// certificate it pins (main/config/gateway-config.ts). One self-signed certificate per test process (the
// sandbox's own generator, main/gateway/sandbox/tls.ts); `pinFor` writes it beside the till's config.json.
import fs from 'node:fs';
import path from 'node:path';
import { generateSandboxCertificate, type SandboxCertificate } from '../../main/gateway/sandbox/tls';

let shared: Promise<SandboxCertificate> | null = null;

/** The process's sandbox certificate: pass `tls` to startSandboxGateway. */
export async function sandboxTls(): Promise<{ certPem: string; keyPem: string; sha256: string }> {
  shared ??= generateSandboxCertificate();
  return shared;
}

/** Writes the certificate into the till's folder; the `gateway` fields that pin it. */
export async function pinFor(tillDir: string): Promise<{ serverCertFile: string }> {
  const { certPem } = await sandboxTls();
  fs.writeFileSync(path.join(tillDir, 'gateway-cert.pem'), certPem);
  return { serverCertFile: 'gateway-cert.pem' };
}
