// The sandbox gateway's TLS certificate (`npm run gateway -- --tls`): self-signed for localhost, 127.0.0.1 and
// ::1, generated once into the data folder and kept, so a till that pinned it keeps trusting the sandbox across
// restarts. The key is readable by the owner only. A till pins the certificate file itself
// (gateway.serverCertFile) and may pin its SHA-256 too (gateway.serverCertSha256).
import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';
import { certificateSha256 } from '../tls-pin';

export const TLS_CERT_FILE = 'tls-cert.pem';
export const TLS_KEY_FILE = 'tls-key.pem';
const VALID_DAYS = 825;

export interface SandboxCertificate {
  readonly certPem: string;
  readonly keyPem: string;
  /** lower-case hex SHA-256 of the certificate's DER */
  readonly sha256: string;
}

/** A new self-signed certificate (EC P-256, SHA-256) for this machine's loopback names. */
export async function generateSandboxCertificate(now = new Date()): Promise<SandboxCertificate> {
  const notAfter = new Date(now.getTime() + VALID_DAYS * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: 'CounterPOS sandbox gateway' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private, sha256: certificateSha256(pems.cert) };
}

/** The certificate in `dataDir`, made on first use (the key written 0600, each file atomically). */
export async function loadOrCreateSandboxCertificate(
  dataDir: string,
): Promise<SandboxCertificate & { readonly certFile: string }> {
  const certFile = path.join(dataDir, TLS_CERT_FILE);
  const keyFile = path.join(dataDir, TLS_KEY_FILE);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const certPem = fs.readFileSync(certFile, 'utf8');
    return {
      certPem,
      keyPem: fs.readFileSync(keyFile, 'utf8'),
      sha256: certificateSha256(certPem),
      certFile,
    };
  }
  const made = await generateSandboxCertificate();
  for (const [file, text, mode] of [
    [keyFile, made.keyPem, 0o600],
    [certFile, made.certPem, 0o644],
  ] as const) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text, { mode, flag: 'wx' });
    fs.renameSync(tmp, file);
  }
  return { ...made, certFile };
}
