// Emulator → HID driver → EncryptedSwipe → gateway-side DUKPT decryption, plus the driver's failure
// paths: garbled frames, bad reads, a reader that vanishes mid-swipe, stalled reports, and opening a
// device through an injected node-hid.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decryptTrackData, parseHex } from '../../../../native/card/dukpt';
import { IdTechHidReader, openIdTechReader, ReaderNotFoundError } from '../../../../native/card/idtech';
import type {
  BadRead,
  Disconnected,
  EncryptedSwipe,
  HidDeviceLike,
  NodeHidModule,
} from '../../../../native/card/idtech';
import { IdTechMsrEmulator } from '../../../../native/emulators/idtech-msr';
import type { IdTechMsrOptions } from '../../../../native/emulators/idtech-msr';

afterEach(() => {
  vi.useRealTimers();
});

const TDES_BDK = '0123456789ABCDEFFEDCBA9876543210';
const AES_BDK = 'FEDCBA9876543210F1F1F1F1F1F1F1F1';
const CARD = {
  track1: '%B4012345678909^PUBLIC/TEST^2512101000000000000000?',
  track2: ';4012345678909=25121010000000000000?',
  track3: ';014012345678909=724724100000000000030300?',
};

function setup(options: Partial<IdTechMsrOptions> = {}, readerOptions = {}) {
  const device = new IdTechMsrEmulator({
    bdk: TDES_BDK,
    initialKsn: 'FFFF9876543210E00000',
    variant: 'data',
    serial: 'SM1234',
    ...options,
  });
  const reader = new IdTechHidReader(device, { layout: options.layout ?? 'frame-stream', ...readerOptions });
  const swipes: EncryptedSwipe[] = [];
  const bad: BadRead[] = [];
  const gone: Disconnected[] = [];
  reader.on('swipe', (s) => swipes.push(s));
  reader.on('bad-read', (b) => bad.push(b));
  reader.on('disconnected', (d) => gone.push(d));
  return { device, reader, swipes, bad, gone };
}

function decrypt(
  s: EncryptedSwipe,
  track: 'track1' | 'track2' | 'track3',
  bdk: string,
  variant: 'pin' | 'data',
) {
  const t = s[track];
  const clear = decryptTrackData({
    bdk: parseHex('bdk', bdk),
    ksn: parseHex('ksn', s.ksn ?? ''),
    variant,
    cipher: s.cipher,
    data: t.encrypted ?? new Uint8Array(0),
  });
  // The frame gives the clear length; the rest of the last block is the reader's zero padding.
  expect([...clear.slice(t.length)].every((b) => b === 0)).toBe(true);
  const text = Buffer.from(clear.slice(0, t.length)).toString('latin1');
  expect(Buffer.from(t.hash ?? []).toString('hex')).toBe(
    createHash('sha1').update(text, 'latin1').digest('hex'),
  );
  return text;
}

describe('swipe round trip: emulator → HID driver → DUKPT decrypt', () => {
  const configs: [string, Partial<IdTechMsrOptions>, string][] = [
    ['TDES DUKPT, data variant, TDES-CBC, 64-byte reports', { variant: 'data' }, TDES_BDK],
    ['TDES DUKPT, PIN variant, TDES-CBC, 8-byte reports', { variant: 'pin', reportSize: 8 }, TDES_BDK],
    ['TDES DUKPT, data variant, AES-CBC (ID TECH AES mode)', { cipher: 'aes' }, TDES_BDK],
    [
      'AES-128 DUKPT, data key, AES-CBC, ID TECH structure reports of 512 bytes',
      { bdk: AES_BDK, initialKsn: '123456789012345600000000', layout: 'idtech-structure', reportSize: 512 },
      AES_BDK,
    ],
    [
      'AES-128 DUKPT, PIN key, 64-byte reports',
      { bdk: AES_BDK, initialKsn: '123456789012345600000000', variant: 'pin' },
      AES_BDK,
    ],
  ];
  for (const [name, options, bdk] of configs) {
    it(name, () => {
      const { device, swipes, bad } = setup(options);
      const variant = options.variant ?? 'data';
      device.swipe(CARD);
      device.swipe({ track2: ';5413330089010434=25121010000000000000?' });
      expect(bad).toEqual([]);
      expect(swipes).toHaveLength(2);
      const [first, second] = swipes as [EncryptedSwipe, EncryptedSwipe];
      expect(first.cipher).toBe(options.cipher ?? (bdk === AES_BDK ? 'aes' : 'tdes'));
      expect(decrypt(first, 'track1', bdk, variant)).toBe(CARD.track1);
      expect(decrypt(first, 'track2', bdk, variant)).toBe(CARD.track2);
      expect(decrypt(first, 'track3', bdk, variant)).toBe(CARD.track3);
      expect(decrypt(second, 'track2', bdk, variant)).toBe(';5413330089010434=25121010000000000000?');
      // One KSN per swipe, counting up from the injected KSN.
      expect(first.ksn?.slice(-2)).toBe('01');
      expect(second.ksn?.slice(-2)).toBe('02');
      expect(first.serial).toBe('SM1234');
      expect(first.card).toMatchObject({
        brand: 'visa',
        bin: '401234',
        last4: '8909',
        panLength: 13,
        name: 'PUBLIC/TEST',
      });
      expect(first.card.expiry).toBeUndefined(); // ID TECH masks the expiry by default
      expect(second.card).toMatchObject({ brand: 'mastercard', bin: '541333', last4: '0434' });
    });
  }

  it('the wrong variant does not decrypt', () => {
    const { device, swipes } = setup({ variant: 'pin' });
    device.swipe(CARD);
    const s = swipes[0] as EncryptedSwipe;
    const clear = decryptTrackData({
      bdk: parseHex('bdk', TDES_BDK),
      ksn: parseHex('ksn', s.ksn ?? ''),
      variant: 'data',
      data: s.track2.encrypted ?? new Uint8Array(0),
    });
    expect(Buffer.from(clear).toString('latin1')).not.toContain('4012345678909');
  });

  it('signals the PIN key in field 8 bit 6 when set up like a SREDKey 2', () => {
    const { device, swipes } = setup({ variant: 'pin', signalPinKey: true });
    device.swipe(CARD);
    expect(swipes[0]?.pinKeyFlag).toBe(true);
  });

  it('sends non-financial cards in the clear, unencrypted and without a KSN', () => {
    const { device, swipes } = setup();
    device.swipe({ track1: '%MEMBER 0042?', track2: ';0042?' });
    const s = swipes[0] as EncryptedSwipe;
    expect(s.encodeType).toBe('other');
    expect(s.track1.masked).toBe('%MEMBER 0042?');
    expect(s.track1.encrypted).toBeUndefined();
    expect(s.ksn).toBeUndefined();
    expect(device.currentKsn).toBe('FFFF9876543210E00000');
  });
});

describe('masking never leaks the PAN', () => {
  const pans = [
    '4012345678909',
    '4111111111111111',
    '378282246310005',
    '6011000990139424',
    '6212345678901234567',
    '501234567890',
  ];
  for (const pan of pans) {
    it(`masks ${pan.length}-digit PAN ${pan.slice(0, 2)}…`, () => {
      const { device, swipes } = setup({ mask: { prePan: 6, postPan: 4, showExpiry: true } });
      const { frame, reports } = device.swipe({
        track1: `%B${pan}^DOE/JANE^2612201123456789?`,
        track2: `;${pan}=2612201123456789?`,
      });
      const needle = Buffer.from(pan, 'latin1');
      expect(Buffer.from(frame).includes(needle)).toBe(false);
      expect(Buffer.concat(reports).includes(needle)).toBe(false);
      const s = swipes[0] as EncryptedSwipe;
      for (const masked of [s.track1.masked ?? '', s.track2.masked ?? '']) {
        expect(masked).not.toContain(pan);
        expect(masked).toContain('*');
        expect(masked).not.toContain('201123456789'); // service code + discretionary data
      }
      expect(s.card.last4).toBe(pan.slice(-4));
      expect(s.card.expiry).toBe('2612');
    });
  }
});

describe('bad reads and damaged frames', () => {
  it('reports a swipe the reader could not decode, per track', () => {
    const { device, swipes, bad } = setup();
    device.badSwipe([2]);
    expect(swipes).toEqual([]);
    expect(bad).toEqual([
      { reason: 'DECODE_ERROR', message: 'bad read: track 2 failed to decode', tracks: [2] },
    ]);
    expect(device.currentKsn).toBe('FFFF9876543210E00000'); // nothing encrypted, no key used
  });

  it('names a corrupted data byte, a corrupted ETX and a corrupted STX, then reads the next swipe', () => {
    const { device, swipes, bad } = setup();
    device.swipe(CARD, { corruptByte: { offset: 40 } });
    expect(bad.at(-1)?.reason).toBe('BAD_LRC');
    const { frame } = device.swipe(CARD, { corruptByte: { offset: 0, xor: 0 } }); // untouched
    device.swipe(CARD, { corruptByte: { offset: frame.length - 1, xor: 0x01 } });
    expect(bad.at(-1)?.reason).toBe('BAD_ETX');
    const before = bad.length;
    device.swipe(CARD, { corruptByte: { offset: 0, xor: 0x80 } });
    expect(bad.length).toBeGreaterThan(before);
    device.swipe(CARD);
    expect(swipes.map((s) => s.ksn)).toEqual(['FFFF9876543210E00002', 'FFFF9876543210E00005']);
  });

  it('drops a frame whose remaining reports never come', () => {
    vi.useFakeTimers();
    const { device, bad, swipes } = setup({}, { partialFrameTimeoutMs: 200 });
    const { reports } = device.swipe(CARD, { unplugAfterReports: Number.POSITIVE_INFINITY });
    expect(swipes).toHaveLength(1);
    // Replay only the first report of a multi-report frame.
    device.emit('data', Buffer.from(reports[0] as Uint8Array));
    vi.advanceTimersByTime(199);
    expect(bad).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(bad).toEqual([
      {
        reason: 'PARTIAL_FRAME_TIMEOUT',
        message: 'swipe incomplete after 200 ms (64 bytes dropped)',
        tracks: [],
      },
    ]);
    device.swipe(CARD);
    expect(swipes).toHaveLength(2);
  });
});

describe('device lifecycle', () => {
  it('survives the reader vanishing mid-swipe', () => {
    const { device, reader, swipes, bad, gone } = setup();
    device.swipe(CARD, { unplugAfterReports: 1 });
    expect(swipes).toEqual([]);
    expect(bad).toEqual([
      {
        reason: 'DISCONNECTED_MID_FRAME',
        message: 'reader lost during a swipe (64 bytes of a frame dropped)',
        tracks: [],
      },
    ]);
    expect(gone).toEqual([{ expected: false, message: 'could not read from HID device' }]);
    expect(reader.isOpen).toBe(false);
    expect(device.isPluggedIn).toBe(false);
    expect(() => device.swipe(CARD)).toThrow(/unplugged/);
  });

  it('reports an unplug between swipes without a bad read, and a deliberate close as expected', () => {
    const a = setup();
    a.device.unplug();
    expect(a.bad).toEqual([]);
    expect(a.gone).toEqual([{ expected: false, message: 'could not read from HID device' }]);
    const b = setup();
    b.reader.close();
    b.reader.close();
    expect(b.gone).toEqual([{ expected: true, message: 'reader closed' }]);
  });

  it('opens the first ID TECH device through node-hid (injected), or says none was found', async () => {
    const opened: string[] = [];
    const emulator = new IdTechMsrEmulator({
      bdk: TDES_BDK,
      initialKsn: 'FFFF9876543210E00000',
      variant: 'data',
    });
    const fakeHid: NodeHidModule = {
      devices: (vid, pid) => (vid === 0x0acd && pid === 0x2010 ? [{ path: '/dev/hidraw3' }] : []),
      HID: class implements HidDeviceLike {
        constructor(path: string) {
          opened.push(path);
        }
        on(event: 'data', listener: (data: Buffer) => void): this;
        on(event: 'error', listener: (error: Error) => void): this;
        on(event: 'data' | 'error', listener: ((data: Buffer) => void) | ((error: Error) => void)): this {
          emulator.on(event, listener);
          return this;
        }
        close(): void {
          emulator.close();
        }
      },
    };
    const reader = await openIdTechReader({}, async () => fakeHid);
    const swipes: EncryptedSwipe[] = [];
    reader.on('swipe', (s) => swipes.push(s));
    emulator.swipe(CARD);
    expect(opened).toEqual(['/dev/hidraw3']);
    expect(swipes).toHaveLength(1);
    await expect(openIdTechReader({ productId: 0x2030 }, async () => fakeHid)).rejects.toThrow(
      ReaderNotFoundError,
    );
    await expect(openIdTechReader({ productId: 0x2030 }, async () => fakeHid)).rejects.toThrow(
      'no HID device 0acd:2030 found',
    );
  });
});
