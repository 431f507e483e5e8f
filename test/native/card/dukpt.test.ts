// DUKPT against the public vectors (X9.24-1:2009 A.4 TDES, X9.24-3-2017 AES-128): every value in the
// vectors file is recomputed by the algorithms, plus round trips and the input checks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aesInitialKey,
  aesTransactionKey,
  aesWorkingKey,
  cbcDecrypt,
  cbcEncrypt,
  decryptTrackData,
  deriveDukptKey,
  DukptError,
  encryptTrackData,
  nextAesKsn,
  nextTdesKsn,
  parseHex,
  tdesCounter,
  tdesEncryptBlock,
  tdesIpek,
  tdesTransactionKey,
  tdesTransactionKeyFromIpek,
  tdesVariantKey,
  toHex,
  withTdesCounter,
} from '../../../native/card/dukpt';

interface Vectors {
  tdes: {
    bdk: string;
    initial_ksn: string;
    ipek: string;
    rows: { ksn: string; transaction_key: string; pin_block_iso0_pin1234_pan4012345678909: string }[];
    variant_masks: Record<string, string>;
  };
  aes128: {
    bdk: string;
    initial_key_id: string;
    initial_key: string;
    rows: {
      ksn: string;
      transaction_key: string;
      aes128_pin_key: string;
      aes128_data_encryption_key: string;
    }[];
  };
}

const vectors = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/dukpt-public.json'), 'utf8'),
) as Vectors;
const hex = (s: string) => parseHex('test', s);
function row<T>(rows: readonly T[], i: number): T {
  const r = rows[i];
  if (r === undefined) throw new Error(`vectors file has no row ${i}`);
  return r;
}

/** ISO 9564 format 0 PIN block: PIN field XOR the rightmost 12 PAN digits excluding the check digit. */
function iso0PinBlock(pin: string, pan: string): Uint8Array {
  const pinField = hex(`0${pin.length}${pin}`.padEnd(16, 'F'));
  const panField = hex(`0000${pan.slice(-13, -1)}`);
  return pinField.map((v, i) => v ^ (panField[i] as number));
}

function expectDukptError(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DukptError);
    expect((e as DukptError).code).toBe(code);
    expect((e as DukptError).message).toMatch(message);
    return;
  }
  throw new Error('expected a DukptError');
}

describe('TDES DUKPT (X9.24-1:2009 A.4)', () => {
  const bdk = hex(vectors.tdes.bdk);

  it('derives the IPEK from the BDK and initial KSN', () => {
    expect(toHex(tdesIpek(bdk, hex(vectors.tdes.initial_ksn)))).toBe(vectors.tdes.ipek);
    // The counter is ignored: any KSN of the device gives the same IPEK.
    expect(toHex(tdesIpek(bdk, hex(row(vectors.tdes.rows, 2).ksn)))).toBe(vectors.tdes.ipek);
  });

  for (const row of vectors.tdes.rows) {
    it(`derives the transaction key and PIN block for ${row.ksn}`, () => {
      const ksn = hex(row.ksn);
      const tk = tdesTransactionKey(bdk, ksn);
      expect(toHex(tk)).toBe(row.transaction_key);
      expect(toHex(tdesTransactionKeyFromIpek(hex(vectors.tdes.ipek), ksn))).toBe(row.transaction_key);
      const pinKey = tdesVariantKey(tk, 'pin');
      expect(toHex(deriveDukptKey(bdk, ksn, 'pin'))).toBe(toHex(pinKey));
      const block = tdesEncryptBlock(pinKey, iso0PinBlock('1234', '4012345678909'));
      expect(toHex(block)).toBe(row.pin_block_iso0_pin1234_pan4012345678909);
    });
  }

  it('applies each variant mask from the vectors file (and the one-way step for data keys)', () => {
    const tk = tdesTransactionKey(bdk, hex(row(vectors.tdes.rows, 0).ksn));
    const masks = vectors.tdes.variant_masks;
    const maskOf = (name: string) => hex((masks[name] as string).slice(0, 32));
    const xored = (name: string) => tk.map((v, i) => v ^ (maskOf(name)[i] as number));
    expect(toHex(tdesVariantKey(tk, 'pin'))).toBe(toHex(xored('pin')));
    expect(toHex(tdesVariantKey(tk, 'mac-request'))).toBe(toHex(xored('mac_request')));
    expect(toHex(tdesVariantKey(tk, 'mac-response'))).toBe(toHex(xored('mac_response')));
    for (const [variant, name] of [
      ['data-request', 'data_request'],
      ['data-response', 'data_response'],
    ] as const) {
      const v = xored(name);
      const oneWay = toHex(tdesEncryptBlock(v, v.slice(0, 8))) + toHex(tdesEncryptBlock(v, v.slice(8)));
      expect(toHex(tdesVariantKey(tk, variant))).toBe(oneWay);
      expect(oneWay).not.toBe(toHex(v));
    }
    expect(toHex(deriveDukptKey(bdk, hex(row(vectors.tdes.rows, 0).ksn), 'data'))).toBe(
      toHex(tdesVariantKey(tk, 'data-request')),
    );
  });

  it('walks the counter like a device: +1, skipping counters with more than 10 one-bits', () => {
    let ksn = hex(vectors.tdes.initial_ksn);
    for (const row of vectors.tdes.rows) {
      ksn = nextTdesKsn(ksn);
      expect(toHex(ksn)).toBe(row.ksn);
    }
    const tenOnes = withTdesCounter(ksn, 0b1111111111 << 5); // 0x7FE0: 10 ones
    expect(tdesCounter(nextTdesKsn(tenOnes))).toBe(0x8000); // 0x7FE1 has 11 ones → carry up
    expect(toHex(tdesTransactionKey(bdk, tenOnes))).toHaveLength(32);
    expectDukptError(() => nextTdesKsn(withTdesCounter(ksn, 0x1ff800)), 'COUNTER_EXHAUSTED', /exhausted/);
  });

  it('rejects malformed keys and KSNs with specific errors', () => {
    const ksn = row(vectors.tdes.rows, 0).ksn;
    expectDukptError(
      () => tdesTransactionKey(bdk, hex(vectors.tdes.initial_ksn)),
      'ZERO_COUNTER',
      /counter is 0/,
    );
    expectDukptError(
      () => tdesTransactionKey(bdk, withTdesCounter(hex(ksn), 0x7ff)),
      'TOO_MANY_COUNTER_BITS',
      /11 one-bits; at most 10/,
    );
    expectDukptError(
      () => tdesTransactionKey(bdk.slice(0, 8), hex(ksn)),
      'BAD_LENGTH',
      /TDES BDK must be 16 bytes/,
    );
    expectDukptError(() => tdesIpek(bdk, hex(ksn).slice(0, 9)), 'BAD_LENGTH', /TDES KSN must be 10 bytes/);
    expectDukptError(
      () => parseHex('--bdk', '0123XY'),
      'BAD_HEX',
      /--bdk has a non-hex character 'X' at position 4/,
    );
    expectDukptError(() => parseHex('--ksn', 'ABC'), 'BAD_HEX', /odd number of hex digits/);
    expectDukptError(() => parseHex('--ksn', ''), 'BAD_HEX', /is empty/);
    expectDukptError(
      () => parseHex('--bdk', 'AB', [16]),
      'BAD_LENGTH',
      /--bdk must be 16 bytes \(32 hex digits\)/,
    );
    expectDukptError(
      () => deriveDukptKey(bdk, hex('00'.repeat(11))),
      'BAD_LENGTH',
      /10 bytes \(TDES DUKPT\) or 12/,
    );
  });
});

describe('AES-128 DUKPT (X9.24-3-2017)', () => {
  const bdk = hex(vectors.aes128.bdk);

  it('derives the initial key from the BDK and initial key ID', () => {
    expect(toHex(aesInitialKey(bdk, hex(vectors.aes128.initial_key_id)))).toBe(vectors.aes128.initial_key);
  });

  for (const row of vectors.aes128.rows) {
    it(`derives the transaction, PIN and data keys for ${row.ksn}`, () => {
      const ksn = hex(row.ksn);
      const tk = aesTransactionKey(bdk, ksn);
      expect(toHex(tk)).toBe(row.transaction_key);
      expect(toHex(deriveDukptKey(bdk, ksn))).toBe(row.transaction_key);
      expect(toHex(aesWorkingKey(tk, ksn, 'pinEncryption'))).toBe(row.aes128_pin_key);
      expect(toHex(aesWorkingKey(tk, ksn, 'dataEncrypt'))).toBe(row.aes128_data_encryption_key);
      expect(toHex(deriveDukptKey(bdk, ksn, 'pin'))).toBe(row.aes128_pin_key);
      expect(toHex(deriveDukptKey(bdk, ksn, 'data'))).toBe(row.aes128_data_encryption_key);
      // The other data usages are distinct keys.
      expect(toHex(aesWorkingKey(tk, ksn, 'dataDecrypt'))).not.toBe(row.aes128_data_encryption_key);
      expect(toHex(aesWorkingKey(tk, ksn, 'dataBothWays'))).not.toBe(row.aes128_data_encryption_key);
    });
  }

  it('walks a 32-bit counter, skipping counters with more than 16 one-bits', () => {
    const first = nextAesKsn(hex(vectors.aes128.initial_key_id + '00000000'));
    expect(toHex(first)).toBe(row(vectors.aes128.rows, 0).ksn);
    expect(toHex(nextAesKsn(first))).toBe(row(vectors.aes128.rows, 1).ksn);
    const sixteen = hex(vectors.aes128.initial_key_id + '0000FFFF');
    expect(toHex(nextAesKsn(sixteen)).slice(16)).toBe('00010000');
    expectDukptError(
      () => nextAesKsn(hex(vectors.aes128.initial_key_id + 'FFFF0000')),
      'COUNTER_EXHAUSTED',
      /exhausted/,
    );
  });

  it('rejects a zero counter, too many one-bits and bad lengths', () => {
    const id = vectors.aes128.initial_key_id;
    expectDukptError(
      () => aesTransactionKey(bdk, hex(id + '00000000')),
      'ZERO_COUNTER',
      /AES KSN transaction counter is 0/,
    );
    expectDukptError(
      () => aesTransactionKey(bdk, hex(id + '0001FFFF')),
      'TOO_MANY_COUNTER_BITS',
      /17 one-bits; at most 16/,
    );
    expectDukptError(
      () => aesInitialKey(bdk, hex(id).slice(0, 7)),
      'BAD_LENGTH',
      /initial key ID must be 8 bytes/,
    );
    expectDukptError(
      () => aesInitialKey(hex('00'.repeat(24)), hex(id)),
      'BAD_LENGTH',
      /AES-128 BDK must be 16/,
    );
  });
});

describe('track data encryption (CBC, zero IV, zero padding)', () => {
  const track2 = new TextEncoder().encode(';4012345678909=25121010000000000000?');

  it('round-trips under TDES and AES keys, padding to the block size', () => {
    const key = hex(vectors.tdes.ipek);
    const tdes = cbcEncrypt('tdes', key, track2);
    expect(tdes.length).toBe(40);
    expect(cbcDecrypt('tdes', key, tdes).slice(0, track2.length)).toEqual(track2);
    expect([...cbcDecrypt('tdes', key, tdes).slice(track2.length)]).toEqual([0, 0, 0, 0]);
    const aes = cbcEncrypt('aes', key, track2);
    expect(aes.length).toBe(48);
    expect(cbcDecrypt('aes', key, aes).slice(0, track2.length)).toEqual(track2);
  });

  it('uses a zero IV: the first block is the ECB encryption of the first clear block', () => {
    const key = hex(vectors.tdes.ipek);
    expect(toHex(cbcEncrypt('tdes', key, track2).slice(0, 8))).toBe(
      toHex(tdesEncryptBlock(key, track2.slice(0, 8))),
    );
  });

  for (const [scheme, bdk, ksn] of [
    ['TDES', vectors.tdes.bdk, row(vectors.tdes.rows, 1).ksn],
    ['AES', vectors.aes128.bdk, row(vectors.aes128.rows, 1).ksn],
  ] as const) {
    for (const variant of ['pin', 'data'] as const) {
      it(`encrypts and decrypts track data with the ${scheme} ${variant} key`, () => {
        const input = { bdk: hex(bdk), ksn: hex(ksn), variant };
        const enc = encryptTrackData({ ...input, data: track2 });
        const dec = decryptTrackData({ ...input, data: enc });
        expect(dec.slice(0, track2.length)).toEqual(track2);
        const other = decryptTrackData({ ...input, variant: variant === 'pin' ? 'data' : 'pin', data: enc });
        expect(other.slice(0, track2.length)).not.toEqual(track2);
      });
    }
  }

  it('lets a TDES DUKPT key drive AES (ID TECH AES mode with a TDES key) but not the reverse', () => {
    const input = {
      bdk: hex(vectors.tdes.bdk),
      ksn: hex(row(vectors.tdes.rows, 0).ksn),
      variant: 'data' as const,
    };
    const enc = encryptTrackData({ ...input, cipher: 'aes', data: track2 });
    expect(enc.length).toBe(48);
    expect(decryptTrackData({ ...input, cipher: 'aes', data: enc }).slice(0, track2.length)).toEqual(track2);
    expectDukptError(
      () =>
        encryptTrackData({
          bdk: hex(vectors.aes128.bdk),
          ksn: hex(row(vectors.aes128.rows, 0).ksn),
          variant: 'data',
          cipher: 'tdes',
          data: track2,
        }),
      'UNSUPPORTED',
      /AES DUKPT keys cannot be used for TDES/,
    );
  });

  it('rejects ciphertext that is not whole blocks', () => {
    const key = hex(vectors.tdes.ipek);
    expectDukptError(
      () => cbcDecrypt('tdes', key, new Uint8Array(12)),
      'BAD_CIPHERTEXT_LENGTH',
      /multiple of 8 bytes, got 12/,
    );
    expectDukptError(
      () => cbcDecrypt('aes', key, new Uint8Array(0)),
      'BAD_CIPHERTEXT_LENGTH',
      /multiple of 16 bytes, got 0/,
    );
  });
});
