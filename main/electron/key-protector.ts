// The PIN pepper's key sealed by the OS key store (main/staff/pepper.ts): Electron's safeStorage encrypts with
// DPAPI on Windows, the Keychain on macOS, libsecret/KWallet on Linux. Where it has no real key store (Linux
// without a keyring falls back to a hard-coded key, 'basic_text') it protects nothing, so the app keeps the
// 0600 key file instead: undefined here, and the shell logs why.
import type { KeyProtector } from '../host-types';

/** The part of Electron's safeStorage used here (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?: () => string;
}

export function safeStorageProtector(
  s: SafeStorageLike,
  platform = process.platform,
): KeyProtector | undefined {
  if (!s.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && s.getSelectedStorageBackend?.() === 'basic_text') return undefined;
  return {
    encrypt: (key) => s.encryptString(key.toString('base64')),
    decrypt: (sealed) => Buffer.from(s.decryptString(sealed), 'base64'),
  };
}
