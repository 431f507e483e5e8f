// Point 9 of issue 12: every cipher and hash name the app hands to node:crypto must be known to OpenSSL (Node's
// build: the tests, the web host) AND to BoringSSL (Electron's Node: the shop's desktop app). Node answers for
// OpenSSL at run time; BoringSSL's lists are embedded below from its source:
//   ciphers: crypto/cipher_extra/cipher_extra.c, the kCiphers table EVP_get_cipherbyname walks (plus its one
//            alias, "3des"); https://boringssl.googlesource.com/boringssl/+/refs/heads/main/crypto/cipher_extra/
//   hashes:  crypto/digest_extra/digest_extra.cc, nid_to_digest_mapping (the long names; EVP_get_digestbyname
//            compares exactly, so "SHA256" and "sha256" are different questions)
// Besides the central list (native/crypto/algorithms.ts), every call site in main/ and native/ is read: a name
// written as a literal is checked too, and a computed one is allowed only in a file that takes its names from
// the central list (typed CipherAlgorithm / HashAlgorithm).
import { getCiphers, getHashes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CIPHERS, HASHES } from '../../../native/crypto/algorithms';

const BORINGSSL_CIPHERS = new Set([
  'aes-128-cbc', 'aes-128-ctr', 'aes-128-ecb', 'aes-128-gcm', 'aes-128-ofb',
  'aes-192-cbc', 'aes-192-ctr', 'aes-192-ecb', 'aes-192-gcm', 'aes-192-ofb',
  'aes-256-cbc', 'aes-256-ctr', 'aes-256-ecb', 'aes-256-gcm', 'aes-256-ofb',
  'des-cbc', 'des-ecb', 'des-ede-cbc', 'des-ede', 'des-ede3-cbc', 'rc2-cbc', 'rc4', '3des',
]); // prettier-ignore

const BORINGSSL_HASHES = new Set([
  'md4', 'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-256', 'md5-sha1',
]); // prettier-ignore

const root = path.resolve(import.meta.dirname, '../../..');
const CALLS =
  /\b(createCipheriv|createDecipheriv|createHash|createHmac|createSign|createVerify|hkdfSync|hkdf|pbkdf2Sync|pbkdf2)\s*\(\s*([^,)\n]+)|\b(oaepHash):\s*([^,}\n]+)/g;
const HASH_CALLS = new Set(['createHash', 'createHmac', 'createSign', 'createVerify', 'hkdf', 'hkdfSync', 'pbkdf2', 'pbkdf2Sync', 'oaepHash:']); // prettier-ignore
const CENTRAL = /from '[./]*(native\/)?crypto\/algorithms'/;

interface Use {
  readonly file: string;
  readonly call: string;
  readonly arg: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
} // prettier-ignore

/** Every crypto call with a name argument, and the aliases `import { hash as digest }` gives node's one-shot. */
function uses(): Use[] {
  const found: Use[] = [];
  for (const file of [...sourceFiles('main'), ...sourceFiles('native')]) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    if (!/from 'node:crypto'|oaepHash/.test(text)) continue;
    const oneShot = /import \{[^}]*\bhash(?: as (\w+))?[^}]*\} from 'node:crypto'/.exec(text);
    const pattern = oneShot
      ? new RegExp(
          `${CALLS.source.replace('(createCipheriv', `(${oneShot[1] ?? 'hash'}|createCipheriv`)}`,
          'g',
        )
      : new RegExp(CALLS.source, 'g');
    for (const m of text.matchAll(pattern)) {
      const name = m[1] ?? m[3] ?? '';
      const call = name === oneShot?.[1] ? 'hash' : name === 'oaepHash' ? 'oaepHash:' : name;
      found.push({ file, call, arg: (m[2] ?? m[4] ?? '').trim() });
    }
  }
  return found;
}

const literal = (arg: string): string | null => /^(['"`])([^'"`]+)\1$/.exec(arg)?.[2] ?? null;
const isHash = (u: Use): boolean => u.call === 'hash' || HASH_CALLS.has(u.call);

describe('crypto names both OpenSSL and BoringSSL know', () => {
  const openSslCiphers = new Set(getCiphers());
  const openSslHashes = new Set(getHashes());

  it('every cipher of the central list is in both lists', () => {
    for (const name of Object.values(CIPHERS)) {
      expect(openSslCiphers.has(name), `${name}: OpenSSL`).toBe(true);
      expect(BORINGSSL_CIPHERS.has(name), `${name}: BoringSSL`).toBe(true);
    }
  });

  it('every hash of the central list is in both lists', () => {
    for (const name of Object.values(HASHES)) {
      expect(openSslHashes.has(name), `${name}: OpenSSL`).toBe(true);
      expect(BORINGSSL_HASHES.has(name), `${name}: BoringSSL`).toBe(true);
    }
  });

  it('finds the call sites it checks (the scan is not blind)', () => {
    const all = uses();
    expect(all.some((u) => u.file === 'native/card/dukpt/ciphers.ts' && u.call === 'createCipheriv')).toBe(
      true,
    );
    expect(all.some((u) => u.file === 'main/gateway/protocol/signing.ts' && u.call === 'createHmac')).toBe(
      true,
    );
    expect(all.some((u) => u.file === 'main/audit/journal.ts' && u.call === 'hash')).toBe(true);
  });

  it('every name written at a call site is in both lists; a computed one comes from the central list', () => {
    const problems: string[] = [];
    for (const u of uses()) {
      const name = literal(u.arg);
      const where = `${u.file}: ${u.call}(${u.arg})`;
      if (name === null) {
        const central = /^(CIPHERS|HASHES)\.\w+$/.test(u.arg);
        const typed = CENTRAL.test(fs.readFileSync(path.join(root, u.file), 'utf8'));
        if (!central && !typed) problems.push(`${where}: take the name from native/crypto/algorithms.ts`);
        continue;
      }
      const [openSsl, boring] = isHash(u)
        ? [openSslHashes, BORINGSSL_HASHES]
        : [openSslCiphers, BORINGSSL_CIPHERS];
      if (!openSsl.has(name)) problems.push(`${where}: not in OpenSSL's list`);
      if (!boring.has(name)) problems.push(`${where}: not in BoringSSL's list`);
    }
    expect(problems).toEqual([]);
  });

  it("refuses the old DUKPT name: des-ede-ecb is OpenSSL's only", () => {
    expect(openSslCiphers.has('des-ede-ecb')).toBe(true);
    expect(BORINGSSL_CIPHERS.has('des-ede-ecb')).toBe(false);
  });
});
