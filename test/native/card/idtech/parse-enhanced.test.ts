// The enhanced-format parser on frames written byte by byte from ID TECH's documented layout (so it is
// not just checked against our own emulator), on emulator frames, and on every kind of damage.
import { describe, expect, it } from 'vitest';
import { MsrFrameError, parseEnhancedFrame } from '../../../../native/card/idtech';
import type { MsrFrameErrorCode } from '../../../../native/card/idtech';
import { IdTechMsrEmulator } from '../../../../native/emulators/idtech-msr';

const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
// Independent of the code under test: XOR and mod-256 sum of the card data.
const lrcOf = (d: number[]) => d.reduce((a, b) => a ^ b, 0);
const sumOf = (d: number[]) => d.reduce((a, b) => (a + b) & 0xff, 0);
const wrap = (data: number[]) =>
  Uint8Array.from([0x02, data.length & 0xff, data.length >> 8, ...data, lrcOf(data), sumOf(data), 0x03]);

// Track 2 only, TDES: clear ";4111111111111111=2512?" (23 bytes) → 24 encrypted bytes.
const MASKED_T2 = ';411111******1111=****?';
const ENCRYPTED_T2 = Array.from({ length: 24 }, (_, i) => 0xa0 + i);
const HASH_T2 = Array.from({ length: 20 }, (_, i) => 0x10 + i);
const KSN = [0xff, 0xff, 0x98, 0x76, 0x54, 0x32, 0x10, 0xe0, 0x00, 0x01];
const handBuiltData = (): number[] => [
  0x80, // card encode type: ISO/ABA, enhanced format
  0x12, // track status: T2 decoded (bit 1) + T2 sampled (bit 4)
  0x00, // T1 length
  0x17, // T2 length: 23
  0x00, // T3 length
  0x82, // field 8: T2 masked data present, reader serial present; bit 4 = 0 → TDES
  0x92, // field 9: T2 encrypted, T2 hash, KSN present
  ...ascii(MASKED_T2),
  ...ENCRYPTED_T2,
  ...HASH_T2,
  ...ascii('SN00012345'),
  ...KSN,
];

function expectFrameError(frame: Uint8Array, code: MsrFrameErrorCode, message?: RegExp): MsrFrameError {
  try {
    parseEnhancedFrame(frame);
  } catch (e) {
    expect(e).toBeInstanceOf(MsrFrameError);
    expect((e as MsrFrameError).code).toBe(code);
    if (message) expect((e as MsrFrameError).message).toMatch(message);
    return e as MsrFrameError;
  }
  throw new Error(`expected ${code}`);
}

describe('parseEnhancedFrame on a hand-built frame', () => {
  it('reads every field of the documented layout', () => {
    const frame = wrap(handBuiltData());
    expect(frame.length).toBe(94 + 6);
    expect([...frame.slice(0, 3)]).toEqual([0x02, 0x5e, 0x00]);
    const s = parseEnhancedFrame(frame);
    expect(s.encodeType).toBe('iso-aba');
    expect(s.cipher).toBe('tdes');
    expect(s.hashAlgorithm).toBe('sha1');
    expect(s.pinKeyFlag).toBe(false);
    expect(s.track1).toEqual({ status: 'absent', length: 0 });
    expect(s.track3).toEqual({ status: 'absent', length: 0 });
    expect(s.track2.status).toBe('ok');
    expect(s.track2.length).toBe(23);
    expect(s.track2.masked).toBe(MASKED_T2);
    expect([...(s.track2.encrypted ?? [])]).toEqual(ENCRYPTED_T2);
    expect([...(s.track2.hash ?? [])]).toEqual(HASH_T2);
    expect(s.serial).toBe('SN00012345');
    expect(s.ksn).toBe('FFFF9876543210E00001');
    expect(s.sessionId).toBeUndefined();
    expect(s.card).toEqual({ brand: 'visa', bin: '411111', last4: '1111', panLength: 16 });
  });

  it('reads an AES frame with all three tracks, a session ID, SHA-1 hashes and a 12-byte KSN', () => {
    const t1 = '%*37828******0005^AMEX/TEST^2705*****?';
    const t2 = ';37828******0005=2705*****?';
    const data = [
      0x80,
      0x3f, // all three tracks sampled and decoded
      t1.length,
      t2.length,
      40,
      0x13, // T1, T2 masked; AES (bit 4)
      0x7f, // T1-T3 encrypted, T1-T3 hashed, session ID; no KSN bit yet
      ...ascii(t1),
      ...ascii(t2),
      ...Array(48).fill(0x11), // T1: 38 → 48
      ...Array(32).fill(0x22), // T2: 27 → 32
      ...Array(48).fill(0x33), // T3: 40 → 48
      ...[1, 2, 3, 4, 5, 6, 7, 8],
      ...Array(60).fill(0x44),
    ];
    expectFrameError(wrap(data), 'MISSING_KSN', /without a KSN/);
    data[6] = 0xff; // KSN present
    data.push(...[0x12, 0x34, 0x56, 0x78, 0x90, 0x12, 0x34, 0x56, 0x00, 0x00, 0x00, 0x07]);
    const s = parseEnhancedFrame(wrap(data));
    expect(s.cipher).toBe('aes');
    expect(s.track1.masked).toBe(t1);
    expect(s.track3.masked).toBeUndefined();
    expect(s.track3.encrypted?.length).toBe(48);
    expect([...(s.sessionId ?? [])]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(s.serial).toBeUndefined();
    expect(s.ksn).toBe('123456789012345600000007');
    expect(s.card).toEqual({
      brand: 'amex',
      last4: '0005',
      panLength: 15,
      expiry: '2705',
      name: 'AMEX/TEST',
    });
  });
});

describe('parseEnhancedFrame on damaged frames', () => {
  const good = () => wrap(handBuiltData());

  it('names envelope damage', () => {
    const f = good();
    expectFrameError(Uint8Array.from([0x03, ...f.slice(1)]), 'BAD_STX', /starts with 0x03/);
    expectFrameError(Uint8Array.from([...f.slice(0, -1), 0x04]), 'BAD_ETX', /not ETX/);
    expectFrameError(f.slice(0, 50), 'TRUNCATED', /50 bytes, its length field promises 100/);
    expectFrameError(f.slice(0, 2), 'TRUNCATED', /inside the length field/);
    expectFrameError(new Uint8Array(0), 'TRUNCATED', /empty/);
    expectFrameError(Uint8Array.from([...f, 0x00]), 'TRAILING_BYTES');
    const lrcBad = Uint8Array.from(f);
    lrcBad[20] = (lrcBad[20] as number) ^ 0x40; // a masked track byte
    expectFrameError(lrcBad, 'BAD_LRC', /LRC 0x.. does not match/);
    // Two +1 changes keep the XOR but not the sum.
    const sumBad = Uint8Array.from(f);
    sumBad[3 + 8] = (sumBad[3 + 8] as number) ^ 0x01; // '4' 0x34 → 0x35
    sumBad[3 + 14] = (sumBad[3 + 14] as number) ^ 0x01; // '*' 0x2A → 0x2B
    expectFrameError(sumBad, 'BAD_CHECKSUM', /checksum/);
  });

  it('names field damage behind a valid envelope', () => {
    const d = handBuiltData();
    expectFrameError(wrap([0x00, ...d.slice(1)]), 'NOT_ENHANCED_FORMAT', /original encryption format/);
    expectFrameError(wrap([0x85, ...d.slice(1)]), 'UNKNOWN_ENCODE_TYPE', /0x85/);
    // Field 9 without the hash bit: the hash bytes are left over where the KSN should be.
    expectFrameError(
      wrap([...d.slice(0, 6), 0x82, ...d.slice(7)]),
      'LENGTH_MISMATCH',
      /30 bytes left for the KSN/,
    );
    // T2 length claims more than the frame holds.
    expectFrameError(wrap([...d.slice(0, 3), 0x60, ...d.slice(4)]), 'LENGTH_MISMATCH', /needs .* bytes/);
    // No KSN bit and no KSN bytes, but encrypted data.
    expectFrameError(wrap([...d.slice(0, 6), 0x12, ...d.slice(7, -10)]), 'MISSING_KSN');
    const control = [...d];
    control[8] = 0x07;
    expectFrameError(wrap(control), 'BAD_MASKED_TRACK', /masked track 2/);
    // SREDKey 2 optional status byte announcing TransArmor.
    expectFrameError(
      wrap([d[0] as number, 0x52, ...d.slice(2, 7), 1, 0x02, ...d.slice(7)]),
      'UNSUPPORTED_OPTION',
    );
  });

  it('reports decode errors per track, and frames with no data', () => {
    const badRead = [0x80, 0x18, 0, 0, 0, 0x80, 0x00, ...ascii('SN00012345')]; // T1, T2 sampled, not decoded
    const e = expectFrameError(wrap(badRead), 'DECODE_ERROR', /track 1, 2 failed to decode/);
    expect(e.tracks).toEqual([1, 2]);
    expectFrameError(wrap([0x80, 0x07, 0, 0, 0, 0x00, 0x00]), 'NO_TRACK_DATA');
    // A failed track 3 next to a good track 2 is still a swipe, with the status reported.
    const d = handBuiltData();
    const s = parseEnhancedFrame(wrap([0x80, 0x32, ...d.slice(2)]));
    expect(s.track3.status).toBe('error');
    expect(s.track2.status).toBe('ok');
  });

  it('accepts the SHA-256 option of the SREDKey 2', () => {
    const d = handBuiltData();
    const withOpt = [
      0x80,
      0x52,
      ...d.slice(2, 7),
      1,
      0x01,
      ...d.slice(7, 7 + 23 + 24),
      ...Array(32).fill(9),
      ...d.slice(7 + 23 + 24 + 20),
    ];
    const s = parseEnhancedFrame(wrap(withOpt));
    expect(s.hashAlgorithm).toBe('sha256');
    expect(s.track2.hash?.length).toBe(32);
  });
});

describe('parseEnhancedFrame on emulator frames', () => {
  it('reads back what the emulator swiped', () => {
    const reader = new IdTechMsrEmulator({
      bdk: '0123456789ABCDEFFEDCBA9876543210',
      initialKsn: 'FFFF9876543210E00000',
      variant: 'data',
      serial: '12345678',
      mask: { showExpiry: true },
    });
    const { frame, ksn } = reader.swipe({
      track1: '%B5413330089010434^MC/TEST CARD^2512101000000000000?',
      track2: ';5413330089010434=25121010000000000000?',
    });
    expect(ksn).toBe('FFFF9876543210E00001');
    const s = parseEnhancedFrame(frame);
    expect(s.ksn).toBe('FFFF9876543210E00001');
    expect(s.serial).toBe('12345678');
    expect(s.track1.masked).toBe('%*541333******0434^MC/TEST CARD^2512***************?');
    expect(s.track2.masked).toBe(';541333******0434=2512****************?');
    expect(s.track1.encrypted?.length).toBe(56);
    expect(s.track2.encrypted?.length).toBe(40);
    expect(s.card).toEqual({
      brand: 'mastercard',
      bin: '541333',
      last4: '0434',
      panLength: 16,
      expiry: '2512',
      name: 'MC/TEST CARD',
    });
  });
});
