// The PIN pepper's keepers: a 32-byte key made once and kept (0600 in a 0700 folder), refused when others may
// read it; the sealed keeper stores only what the OS key store's protector made of it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filePepper, sealedPepper, type KeyProtector } from '../../../main/staff/pepper';
import { failureOf, tempDir } from '../store/fixtures';

const keyFile = (dir: string, name = 'pin-pepper.key'): string => path.join(dir, 'keys', name);
const mode = (file: string): number => fs.statSync(file).mode & 0o777;

/** A protector as safeStorage behaves: the output is not the input, and only it opens what it sealed. */
const xorProtector = (mask: number): KeyProtector => ({
  encrypt: (b) => Buffer.concat([Buffer.from('v10'), Buffer.from(b.map((x) => x ^ mask))]),
  decrypt: (b) => {
    if (b.subarray(0, 3).toString() !== 'v10') throw new Error('not sealed by this store');
    return Buffer.from(b.subarray(3).map((x) => x ^ mask));
  },
});

describe('PIN pepper', () => {
  it('makes a 32-byte key once, 0600 in a 0700 folder, and reads the same key after a restart', () => {
    const dir = tempDir();
    const key = filePepper(dir).key();
    expect(key).toHaveLength(32);
    expect(mode(keyFile(dir))).toBe(0o600);
    expect(mode(path.join(dir, 'keys'))).toBe(0o700);
    expect(filePepper(dir).key().equals(key)).toBe(true);
  });

  it('refuses a key file or folder that others may read', async () => {
    const dir = tempDir();
    filePepper(dir).key();
    fs.chmodSync(keyFile(dir), 0o644);
    expect((await failureOf(() => filePepper(dir).key())).message).toMatch(
      /may be read by other users.*0600/,
    );
    fs.chmodSync(keyFile(dir), 0o600);
    fs.chmodSync(path.join(dir, 'keys'), 0o755);
    expect((await failureOf(() => filePepper(dir).key())).message).toMatch(/folder.*0700/);
  });

  it('refuses a key file of the wrong size', async () => {
    const dir = tempDir();
    filePepper(dir).key();
    fs.writeFileSync(keyFile(dir), Buffer.alloc(16));
    expect((await failureOf(() => filePepper(dir).key())).message).toMatch(/32-byte/);
  });

  it('the sealed keeper stores only the sealed key; another key store cannot open it', () => {
    const dir = tempDir();
    const key = sealedPepper(dir, xorProtector(0x5a)).key();
    const stored = fs.readFileSync(keyFile(dir, 'pin-pepper.sealed'));
    expect(stored.includes(key)).toBe(false);
    expect(mode(keyFile(dir, 'pin-pepper.sealed'))).toBe(0o600);
    expect(fs.existsSync(keyFile(dir))).toBe(false);
    expect(sealedPepper(dir, xorProtector(0x5a)).key().equals(key)).toBe(true);
    expect(() =>
      sealedPepper(dir, {
        encrypt: (b) => b,
        decrypt: () => {
          throw new Error('no key store');
        },
      }).key(),
    ).toThrow(/no key store/);
  });
});

describe('PIN pepper keepers do not mix', () => {
  it('the file keeper refuses a folder whose key the desktop app sealed', async () => {
    const dir = tempDir();
    sealedPepper(dir, xorProtector(7)).key();
    expect((await failureOf(() => filePepper(dir).key())).message).toMatch(/sealed by the desktop app/);
    expect(fs.existsSync(keyFile(dir))).toBe(false);
  });
});
