// The desktop app's PIN key protector over safeStorage: used only with a real key store, and it round-trips.
import { describe, expect, it } from 'vitest';
import { safeStorageProtector, type SafeStorageLike } from '../../main/electron/key-protector';

const fake = (available: boolean, backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(`sealed:${Buffer.from(s).toString('hex')}`),
  decryptString: (b) => Buffer.from(b.toString().slice('sealed:'.length), 'hex').toString(),
  getSelectedStorageBackend: () => backend,
});

describe('safeStorage key protector', () => {
  it('seals and opens a key; the sealed bytes do not contain it', () => {
    const p = safeStorageProtector(fake(true), 'win32');
    const key = Buffer.from('0123456789abcdef0123456789abcdef');
    const sealed = p?.encrypt(key) ?? Buffer.alloc(0);
    expect(sealed.includes(key)).toBe(false);
    expect(p?.decrypt(sealed).equals(key)).toBe(true);
  });

  it('is absent without a key store, and on Linux with the hard-coded basic_text backend', () => {
    expect(safeStorageProtector(fake(false), 'win32')).toBeUndefined();
    expect(safeStorageProtector(fake(true, 'basic_text'), 'linux')).toBeUndefined();
    expect(safeStorageProtector(fake(true, 'kwallet5'), 'linux')).toBeDefined();
  });
});
