// Every cipher and hash name the app hands to node:crypto, in one place. The desktop app runs on Electron,
// whose Node is built on BoringSSL, and BoringSSL knows far fewer names than OpenSSL (Node's own build):
// a name only OpenSSL knows passes every Node test and fails in the shop. test/native/crypto/algorithms.test.ts
// checks each name here against both libraries' lists, and that no call site names one of its own.

export const CIPHERS = {
  /** two-key TDES, ECB: OpenSSL knows it as des-ede and des-ede-ecb, BoringSSL only as des-ede */
  tdesEcb: 'des-ede',
  tdesCbc: 'des-ede-cbc',
  aes128Ecb: 'aes-128-ecb',
  aes128Cbc: 'aes-128-cbc',
  aes256Gcm: 'aes-256-gcm',
} as const;
export type CipherAlgorithm = (typeof CIPHERS)[keyof typeof CIPHERS];

export const HASHES = {
  sha256: 'sha256',
  /** the emulated ID TECH reader's track hashes (the real reader's format) */
  sha1: 'sha1',
} as const;
export type HashAlgorithm = (typeof HASHES)[keyof typeof HASHES];
