// The card envelope: round trip, and every way an envelope can be wrong fails with its own error.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EnvelopeError,
  keyId,
  openCardData,
  sealCardData,
  type CardEnvelope,
  type EnvelopeErrorReason,
} from '../../../main/gateway/envelope';

const pair = (bits: number) =>
  generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const gateway = pair(2048);
const other = pair(2048);

const TRACK2 = ';4111111111111111=25121010000000000?';
const PAN = '4111111111111111';
const ATTEMPT = 'attempt-7f3c2a10-idem';
const clear = (): Uint8Array => new TextEncoder().encode(TRACK2);

function reasonOf(f: () => unknown): EnvelopeErrorReason {
  try {
    f();
  } catch (e) {
    if (e instanceof EnvelopeError) return e.reason;
    throw e;
  }
  throw new Error('expected an EnvelopeError');
}

/** Flips one bit of a base64url field (decodes, flips, re-encodes so it stays well-formed). */
const flip = (b64: string, byte = 0): string => {
  const bytes = Buffer.from(b64, 'base64url');
  bytes[byte] = (bytes[byte] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
};

describe('card envelope', () => {
  const env = sealCardData(clear(), gateway.publicKey, ATTEMPT);

  it('round-trips through JSON text', () => {
    const json = JSON.stringify(env);
    const out = openCardData(json, gateway.privateKey, ATTEMPT);
    expect(new TextDecoder().decode(out)).toBe(TRACK2);
  });

  it('has the documented shape: v, alg, kid = SHA-256 of the SPKI, 12-byte iv, 16-byte tag', () => {
    expect(Object.keys(env).sort()).toEqual(
      ['aadHash', 'alg', 'ciphertext', 'iv', 'kid', 'tag', 'v', 'wrappedKey'].sort(),
    );
    expect(env.v).toBe(1);
    expect(env.alg).toBe('RSA-OAEP-256+A256GCM');
    expect(env.kid).toBe(keyId(gateway.publicKey));
    expect(env.kid).toBe(keyId(gateway.privateKey));
    expect(Buffer.from(env.iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(env.tag, 'base64url')).toHaveLength(16);
    expect(Buffer.from(env.wrappedKey, 'base64url')).toHaveLength(256);
  });

  it('never contains the clear PAN or track, in any spelling', () => {
    const json = JSON.stringify(env);
    for (const s of [PAN, PAN.slice(0, 8), TRACK2, Buffer.from(PAN).toString('base64url')]) {
      expect(json).not.toContain(s);
    }
    // Two seals of the same data differ (fresh key and IV each time).
    expect(sealCardData(clear(), gateway.publicKey, ATTEMPT).ciphertext).not.toBe(env.ciphertext);
  });

  it('wipes nothing of the caller: the clear buffer is left for the caller to wipe', () => {
    const data = clear();
    sealCardData(data, gateway.publicKey, ATTEMPT);
    expect(new TextDecoder().decode(data)).toBe(TRACK2);
  });

  it('wrong context (replay for another attempt) -> aad-mismatch', () => {
    expect(reasonOf(() => openCardData(env, gateway.privateKey, 'attempt-other'))).toBe('aad-mismatch');
  });

  it('another gateway key -> kid-mismatch', () => {
    expect(reasonOf(() => openCardData(env, other.privateKey, ATTEMPT))).toBe('kid-mismatch');
  });

  const tamper: [keyof CardEnvelope, (e: CardEnvelope) => unknown, EnvelopeErrorReason][] = [
    ['v', (e) => ({ ...e, v: 2 }), 'unsupported'],
    ['alg', (e) => ({ ...e, alg: 'RSA-OAEP+A128GCM' }), 'unsupported'],
    ['kid', (e) => ({ ...e, kid: flip(e.kid) }), 'kid-mismatch'],
    ['aadHash', (e) => ({ ...e, aadHash: flip(e.aadHash) }), 'aad-mismatch'],
    ['wrappedKey', (e) => ({ ...e, wrappedKey: flip(e.wrappedKey, 100) }), 'tampered'],
    ['iv', (e) => ({ ...e, iv: flip(e.iv) }), 'tampered'],
    ['ciphertext', (e) => ({ ...e, ciphertext: flip(e.ciphertext, 5) }), 'tampered'],
    ['tag', (e) => ({ ...e, tag: flip(e.tag, 15) }), 'tampered'],
  ];
  it.each(tamper)('tampered %s -> %s', (_field, change, reason) => {
    expect(reasonOf(() => openCardData(change(env), gateway.privateKey, ATTEMPT))).toBe(reason);
  });

  it('a rewritten aadHash does not help a replay: the GCM tag still binds the real context', () => {
    const forged = sealCardData(clear(), gateway.publicKey, 'attempt-other');
    const replay = { ...env, aadHash: forged.aadHash };
    expect(reasonOf(() => openCardData(replay, gateway.privateKey, 'attempt-other'))).toBe('tampered');
  });

  it('truncated ciphertext -> tampered', () => {
    const short = {
      ...env,
      ciphertext: Buffer.from(env.ciphertext, 'base64url').subarray(1).toString('base64url'),
    };
    expect(reasonOf(() => openCardData(short, gateway.privateKey, ATTEMPT))).toBe('tampered');
  });

  it.each<[string, unknown]>([
    ['not JSON', '{nope'],
    ['an array', '[]'],
    ['null', null],
    ['missing tag', (({ tag: _t, ...rest }: CardEnvelope) => rest)(env)],
    ['extra field', { ...env, pan: 'x' }],
    ['iv of 16 bytes', { ...env, iv: Buffer.alloc(16).toString('base64url') }],
    ['standard base64 (+/=)', { ...env, iv: '++++++++++++++++' }],
    ['padded base64url', { ...env, tag: `${env.tag}==` }],
    ['tag as a number', { ...env, tag: 42 }],
  ])('malformed: %s', (_what, input) => {
    expect(reasonOf(() => openCardData(input, gateway.privateKey, ATTEMPT))).toBe('malformed');
  });

  it('refuses weak or wrong keys and empty input', () => {
    const weak = pair(1024);
    expect(reasonOf(() => sealCardData(clear(), weak.publicKey, ATTEMPT))).toBe('bad-key');
    expect(reasonOf(() => sealCardData(clear(), gateway.privateKey, ATTEMPT))).toBe('bad-key');
    expect(reasonOf(() => sealCardData(clear(), 'not a key', ATTEMPT))).toBe('bad-key');
    const ec = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(reasonOf(() => sealCardData(clear(), ec.publicKey, ATTEMPT))).toBe('bad-key');
    expect(reasonOf(() => openCardData(env, gateway.publicKey, ATTEMPT))).toBe('bad-key');
    expect(reasonOf(() => sealCardData(new Uint8Array(0), gateway.publicKey, ATTEMPT))).toBe('invalid-input');
    expect(reasonOf(() => sealCardData(clear(), gateway.publicKey, ''))).toBe('invalid-input');
  });

  it('errors never carry the clear data', () => {
    try {
      openCardData({ ...env, tag: flip(env.tag) }, gateway.privateKey, ATTEMPT);
    } catch (e) {
      expect(String(e)).not.toContain(PAN);
    }
  });
});
