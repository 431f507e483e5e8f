// TLS to the gateway, pinned: the configured certificate (the gateway's own, or the CA that signed it) is the
// ONLY trust anchor (`ca` replaces Node's bundled roots), the host name is still checked, and optionally the
// leaf certificate's SHA-256 fingerprint must match too. A certificate the pin refuses fails the connection
// with a message naming the pin, before a byte of the request is sent.
import { X509Certificate } from 'node:crypto';
import tls, { type PeerCertificate } from 'node:tls';

export interface TlsPin {
  /** PEM: the gateway's certificate or its CA */
  readonly caPem: string;
  /** where the PEM came from, named in errors (e.g. the config's serverCertFile) */
  readonly source: string;
  /** hex SHA-256 of the leaf certificate's DER (colons and case ignored); absent: the chain alone decides */
  readonly certSha256?: string | undefined;
}

/** Lower-case hex without separators: how fingerprints are compared and printed. */
export const normalizeFingerprint = (text: string): string => text.replace(/:/g, '').toLowerCase();

/** The SHA-256 fingerprint of a PEM certificate (what `npm run gateway -- --tls` prints). */
export const certificateSha256 = (pem: string): string =>
  normalizeFingerprint(new X509Certificate(pem).fingerprint256);

/** Reads a PEM certificate, refusing anything that is not one (a key, a CSR, garbage) with a clear message. */
export function parsePinnedCertificate(pem: string, source: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new Error(`${source} is not a PEM certificate`);
  }
}

export function tlsOptions(pin: TlsPin): {
  ca: string;
  checkServerIdentity: (host: string, cert: PeerCertificate) => Error | undefined;
} {
  return {
    ca: pin.caPem,
    checkServerIdentity(host, cert) {
      const wrongName = tls.checkServerIdentity(host, cert);
      if (wrongName) return wrongName;
      if (pin.certSha256 === undefined) return undefined;
      if (normalizeFingerprint(cert.fingerprint256) === normalizeFingerprint(pin.certSha256))
        return undefined;
      const e = new Error(
        `the gateway's certificate (SHA-256 ${normalizeFingerprint(cert.fingerprint256)}) is not the pinned one`,
      ) as NodeJS.ErrnoException;
      e.code = 'ERR_CERT_PIN_MISMATCH';
      return e;
    },
  };
}

const CHAIN_FAILURES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);

/** A clear reason for a TLS failure, naming the pin; null for errors that are not about the certificate. */
export function describeTlsFailure(e: NodeJS.ErrnoException, pin: TlsPin): string | null {
  const code = e.code ?? '';
  if (CHAIN_FAILURES.has(code))
    return `TLS: the gateway's certificate does not chain to the pinned certificate ${pin.source} (${code})`;
  if (code === 'ERR_CERT_PIN_MISMATCH') return `TLS: ${e.message} (pin: ${pin.source})`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `TLS: ${e.message} (pin: ${pin.source})`;
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
    return `TLS: the gateway's certificate is outside its validity dates (${code}; pin: ${pin.source})`;
  return null;
}
