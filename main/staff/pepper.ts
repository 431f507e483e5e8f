// The PIN pepper: a 32-byte key every PIN hash is keyed with (pin-hash.ts), kept OUTSIDE the database, so a
// copied `pos.sqlite` alone cannot be used to guess PINs offline (a 6-digit PIN is a million tries). Two
// keepers: the web host keeps the key in `<dataDir>/keys/pin-pepper.key` (0600 in a 0700 folder, refused
// when others may read it); the desktop app keeps it encrypted by the OS key store (Electron's safeStorage,
// injected as a KeyProtector) in `<dataDir>/keys/pin-pepper.sealed`. A missing key is made on first use; a
// lost key means every PIN must be set again (nothing can verify the old hashes), which is the point.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PosFailure } from '../api/result';

export const PEPPER_BYTES = 32;
export const KEYS_DIR = 'keys';
export const PLAIN_KEY_FILE = 'pin-pepper.key';
export const SEALED_KEY_FILE = 'pin-pepper.sealed';

/** Where the pepper comes from (a port: the shells choose the keeper). */
export interface PepperSource {
  /** The key; made and stored on the first call when there is none yet. Throws when it cannot be trusted. */
  key(): Buffer;
}

/** Encrypts a small secret with a key the OS keeps for this user (Electron: safeStorage). */
export interface KeyProtector {
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

function refuse(message: string, file: string): never {
  throw new PosFailure('INTERNAL', message, { file });
}

/** The keys folder (0700) and the key file (0600): made so, and refused when anyone else may read them. */
function checkPrivate(file: string, kind: 'folder' | 'key file'): void {
  if (process.platform === 'win32') return; // NTFS: the user's profile folder is private already
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    const want = kind === 'folder' ? '0700' : '0600';
    refuse(
      `The PIN ${kind} ${file} may be read by other users (mode 0${mode.toString(8)}); make it ${want}`,
      file,
    );
  }
}

function keyFile(dataDir: string, name: string): string {
  const dir = path.join(dataDir, KEYS_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  checkPrivate(dir, 'folder');
  return path.join(dir, name);
}

/** Reads the stored bytes, or makes a new key, stores `seal(key)` with mode 0600 and returns the key. */
function readOrCreate(file: string, seal: (key: Buffer) => Buffer, open: (stored: Buffer) => Buffer): Buffer {
  let stored: Buffer;
  try {
    checkPrivate(file, 'key file');
    stored = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const key = randomBytes(PEPPER_BYTES);
    // 'wx': never overwrite a key another process made meanwhile; then read what is there.
    try {
      fs.writeFileSync(file, seal(key), { mode: 0o600, flag: 'wx' });
      return key;
    } catch (w) {
      if ((w as NodeJS.ErrnoException).code !== 'EEXIST') throw w;
      stored = fs.readFileSync(file);
    }
  }
  const key = open(stored);
  if (key.length !== PEPPER_BYTES) refuse(`${file} does not hold a ${PEPPER_BYTES}-byte PIN key`, file);
  return key;
}

const once = (load: () => Buffer): PepperSource => {
  let key: Buffer | null = null;
  return { key: () => (key ??= load()) };
};

/** The web host's keeper: a 0600 key file. Refused where the desktop app sealed its key (no second key). */
export function filePepper(dataDir: string): PepperSource {
  return once(() => {
    const sealed = keyFile(dataDir, SEALED_KEY_FILE);
    if (fs.existsSync(sealed)) {
      refuse(
        `The PIN key in ${sealed} is sealed by the desktop app's OS key store; start the desktop app`,
        sealed,
      );
    }
    const same = (b: Buffer): Buffer => b;
    return readOrCreate(keyFile(dataDir, PLAIN_KEY_FILE), same, same);
  });
}

/** The desktop app's keeper: the key sealed by the OS key store, so the file alone is useless. */
export function sealedPepper(dataDir: string, protector: KeyProtector): PepperSource {
  return once(() =>
    readOrCreate(
      keyFile(dataDir, SEALED_KEY_FILE),
      (k) => protector.encrypt(k),
      (s) => protector.decrypt(s),
    ),
  );
}
