// ISO 7813 track parsing as keyboard-wedge readers type it, with the errors a cashier / support will see.
import { describe, expect, it } from 'vitest';
import {
  asciiBytes,
  cardBrand,
  cardFacts,
  lrcChar,
  luhnValid,
  parseSwipe,
  parseTrack1,
  parseTrack2,
  TrackError,
  wipe,
  withWiped,
  type SwipeResult,
} from '../../../native/card/track';

// Public test PANs (Visa 4111..., Mastercard 5555..., Amex 3782..., UnionPay 6212...).
const T1 = '%B4111111111111111^DOE/JANE^2512101000000000000?';
const T2 = ';4111111111111111=25121010000000000?';

function failure(r: SwipeResult): TrackError {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

describe('parseTrack1 / parseTrack2', () => {
  it('parses the fields of a good track 1 and track 2', () => {
    expect(parseTrack1(T1)).toEqual({
      ok: true,
      value: {
        pan: '4111111111111111',
        name: 'DOE/JANE',
        expiry: '2512',
        serviceCode: '101',
        discretionary: '000000000000',
      },
    });
    expect(parseTrack2(T2)).toEqual({
      ok: true,
      value: { pan: '4111111111111111', expiry: '2512', serviceCode: '101', discretionary: '0000000000' },
    });
  });

  const cases: [string, 'track1' | 'track2', string, string][] = [
    ['no start sentinel', 'track1', 'B4111111111111111^DOE/JANE^2512101?', 'missing-start-sentinel'],
    ['no end sentinel', 'track1', '%B4111111111111111^DOE/JANE^2512101', 'missing-end-sentinel'],
    ['format code A', 'track1', '%A4111111111111111^DOE/JANE^2512101?', 'bad-format-code'],
    ['no ^ after PAN', 'track1', '%B4111111111111111DOE/JANE2512101?', 'missing-separator'],
    ['no ^ after name', 'track1', '%B4111111111111111^DOE/JANE2512101?', 'missing-separator'],
    ['PAN 11 digits', 'track1', '%B41111111111^DOE/JANE^2512101?', 'pan-length'],
    ['PAN 20 digits', 'track1', '%B41111111111111111112^DOE/JANE^2512101?', 'pan-length'],
    ['letter in PAN', 'track1', '%B41111111X1111111^DOE/JANE^2512101?', 'pan-non-digit'],
    ['1-char name', 'track1', '%B4111111111111111^D^2512101?', 'name-length'],
    ['lower case', 'track1', '%B4111111111111111^doe/jane^2512101?', 'bad-character'],
    ['month 13', 'track1', '%B4111111111111111^DOE/JANE^2513101?', 'expiry-month'],
    ['no expiry', 'track1', '%B4111111111111111^DOE/JANE^^^?', 'expiry-missing'],
    ['short service code', 'track1', '%B4111111111111111^DOE/JANE^251210?', 'service-code'],
    ['bad read', 'track1', '%E?', 'bad-read'],
    ['too long', 'track1', `%B4111111111111111^DOE/JANE^2512101${'0'.repeat(60)}?`, 'too-long'],
    ['no start sentinel', 'track2', '4111111111111111=2512101?', 'missing-start-sentinel'],
    ['no =', 'track2', ';41111111111111112512101?', 'missing-separator'],
    ['PAN 20 digits', 'track2', ';41111111111111111112=2512101?', 'pan-length'],
    ['letter in PAN', 'track2', ';4111A11111111111=2512101?', 'pan-non-digit'],
    ['month 00', 'track2', ';4111111111111111=2500101?', 'expiry-month'],
    ['month 13', 'track2', ';4111111111111111=2513101?', 'expiry-month'],
    ['expiry cut short', 'track2', ';4111111111111111=25?', 'expiry-missing'],
    ['letter in data', 'track2', ';4111111111111111=2512101X?', 'bad-character'],
    ['bad read', 'track2', ';E?', 'bad-read'],
    ['too long', 'track2', `;4111111111111111=2512101${'0'.repeat(20)}?`, 'too-long'],
  ];
  it.each(cases)('%s (%s) -> %s', (_what, which, text, reason) => {
    const r = which === 'track1' ? parseTrack1(text) : parseTrack2(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(TrackError);
    expect(r.error.reason).toBe(reason);
    expect(r.error.track).toBe(which === 'track1' ? 1 : 2);
    expect(r.error.message).toMatch(which === 'track1' ? /^Track 1: / : /^Track 2: /);
  });

  it('never puts card data in an error message or detail', () => {
    const pan = '4111111111111111';
    for (const text of [
      `%B${pan}^DOE/JANE^2513101?`,
      `;${pan}=2513101?`,
      `;${pan}1234=2512101?`,
      `%B${pan}^DOE/JANE^2512101${'9'.repeat(70)}?`,
    ]) {
      const r = text.startsWith('%') ? parseTrack1(text) : parseTrack2(text);
      if (r.ok) throw new Error('expected a failure');
      const said = `${r.error.message} ${JSON.stringify(r.error.detail)}`;
      expect(said).not.toContain('411111');
      expect(said).not.toContain('DOE');
    }
  });
});

describe('parseSwipe: whole bursts', () => {
  it('both tracks in one burst, with Enter between and after', () => {
    const r = parseSwipe(`${T1}\n${T2}\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.card).toEqual({
      pan: '4111111111111111',
      expiry: '2512',
      serviceCode: '101',
      name: 'DOE/JANE',
      luhnValid: true,
      tracks: { track1: T1, track2: T2 },
    });
    expect(r.issues).toEqual([]);
  });

  it('back to back with LRC characters, including LRCs that look like sentinels', () => {
    const r = parseSwipe(T1 + lrcChar(1, T1) + T2 + lrcChar(2, T2));
    expect(r.ok && r.card.tracks).toEqual({ track1: T1, track2: T2 });
    // Search for track-2 data whose LRC is ';' (0x3B) or '?' (0x3F) and check the splitter keeps them apart.
    for (const want of [';', '?']) {
      let t2 = '';
      for (let d = 0; d < 1000 && t2 === ''; d++) {
        const candidate = `;4111111111111111=2512101${String(d).padStart(3, '0')}?`;
        if (lrcChar(2, candidate) === want) t2 = candidate;
      }
      expect(t2).not.toBe('');
      const both = parseSwipe(`${t2}${want}`);
      expect(both.ok && both.card.tracks.track2).toBe(t2);
      const withTrack1After = parseSwipe(`${t2}${want}${T1}`);
      expect(withTrack1After.ok).toBe(true);
    }
  });

  it('a wrong LRC is a corrupted read', () => {
    const wrong = lrcChar(2, T2) === '0' ? '1' : '0';
    const e = failure(parseSwipe(`${T2}${wrong}`));
    expect([e.track, e.reason]).toEqual([2, 'lrc-mismatch']);
  });

  it('track 2 alone; track 1 alone', () => {
    const two = parseSwipe(T2);
    expect(two.ok && [two.card.name, two.card.tracks.track1]).toEqual([null, null]);
    const one = parseSwipe(T1);
    expect(one.ok && [one.card.pan, one.card.tracks.track2]).toEqual(['4111111111111111', null]);
  });

  it('bad reads: %E?;E? fails as bad-read; %E? before a good track 2 succeeds with an issue', () => {
    const both = parseSwipe('%E?;E?');
    expect(both.ok).toBe(false);
    if (!both.ok)
      expect(both.errors.map((e) => [e.track, e.reason])).toEqual([
        [1, 'bad-read'],
        [2, 'bad-read'],
      ]);
    const mixed = parseSwipe(`%E?\n${T2}\n`);
    expect(mixed.ok).toBe(true);
    if (mixed.ok) expect(mixed.issues.map((e) => e.reason)).toEqual(['bad-read']);
  });

  it('a track cut short before the next one starts', () => {
    const r = parseSwipe(`%B4111111111111111^DOE/JANE^25${T2}`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.issues.map((e) => [e.track, e.reason])).toEqual([[1, 'missing-end-sentinel']]);
    expect(failure(parseSwipe(';4111111111111111=2512')).reason).toBe('missing-end-sentinel');
  });

  it('tracks that disagree, duplicates, stray text, empty input', () => {
    expect(failure(parseSwipe(`${T1}${T2.replace('2512', '2612')}`)).reason).toBe('tracks-disagree');
    expect(failure(parseSwipe(`${T1}${T2.replace('41111', '41112')}`)).reason).toBe('tracks-disagree');
    expect(failure(parseSwipe(`${T1}${T1}`)).reason).toBe('duplicate-track');
    expect(failure(parseSwipe(`${T2}\nhello`)).reason).toBe('unexpected-text');
    expect(failure(parseSwipe('6901234567892')).reason).toBe('missing-start-sentinel');
    expect(failure(parseSwipe(' \r\n')).reason).toBe('empty');
  });

  it('a track 3 is recognised and ignored', () => {
    const r = parseSwipe(`${T1}${T2};011234567890123445=724724100000000000030300?`);
    expect(r.ok && r.card.tracks).toEqual({ track1: T1, track2: T2 });
  });

  it('reports Luhn but does not reject on it (real test cards fail it)', () => {
    const r = parseSwipe(';4111111111111112=2512101?');
    expect(r.ok && r.card.luhnValid).toBe(false);
  });
});

describe('luhn', () => {
  it.each([
    ['4111111111111111', true],
    ['5555555555554444', true],
    ['378282246310005', true],
    ['6212345678901265', true],
    ['4111111111111112', false],
    ['1', false],
    ['12a4', false],
  ])('%s -> %s', (pan, valid) => expect(luhnValid(pan)).toBe(valid));
});

describe('card brands from IIN ranges', () => {
  it.each([
    ['4111111111111111', 'visa'],
    ['4026000000000002', 'visa'],
    ['5105105105105100', 'mastercard'],
    ['5555555555554444', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2720999999999996', 'mastercard'],
    ['2220999999999999', 'unknown'], // just below the 2-series
    ['2721000000000004', 'unknown'], // just above
    ['2200000000000004', 'unknown'], // Mir
    ['378282246310005', 'amex'],
    ['341111111111111', 'amex'],
    ['6212345678901265', 'unionpay'],
    ['6221260000000000', 'unionpay'], // Discover co-brand range: issuer brand UnionPay
    ['3530111333300000', 'jcb'],
    ['3528000000000000', 'jcb'],
    ['3590000000000000', 'unknown'],
    ['6011111111111117', 'discover'],
    ['6445000000000000', 'discover'],
    ['6500000000000000', 'discover'],
    // Diners Club International: no brand in the gateway protocol, so unknown (as it always reached the gateway)
    ['30569309025904', 'unknown'],
    ['36000000000008', 'unknown'],
    ['3095000000000000', 'unknown'],
    ['6759649826438453', 'maestro'],
    ['6304000000000000', 'maestro'],
    ['5018000000000009', 'maestro'],
    ['9999999999999999', 'unknown'],
  ])('%s -> %s', (pan, brand) => expect(cardBrand(pan)).toBe(brand));
});

describe('cardFacts: the persistable subset', () => {
  it('16-digit PAN: bin, bin8, last4, masked BIN6 + last 4', () => {
    expect(cardFacts('4111111111111111', '2512')).toEqual({
      brand: 'visa',
      bin: '411111',
      bin8: '41111111',
      last4: '1111',
      expiry: '2512',
      masked: '411111******1111',
    });
  });

  it('15-digit Amex has no bin8; 12-digit Maestro masks 2 digits', () => {
    expect(cardFacts('378282246310005', '3001')).toMatchObject({ bin8: null, masked: '378282*****0005' });
    expect(cardFacts('675964982643', '3001')).toMatchObject({ brand: 'maestro', masked: '675964**2643' });
  });

  it('never carries the middle digits', () => {
    const pan = '6212345678901265';
    const facts = JSON.stringify(cardFacts(pan, '2712'));
    expect(facts).not.toContain(pan.slice(8, 12));
  });

  it('rejects bad input with TrackError (track null)', () => {
    expect(() => cardFacts('4111', '2512')).toThrow(TrackError);
    expect(() => cardFacts('4111111111111111', '2513')).toThrow(/month/);
    expect(() => cardFacts('4111111111111111', '25123')).toThrow(TrackError);
  });
});

describe('wiping', () => {
  it('wipe zeroes buffers; asciiBytes gives a buffer of its own', () => {
    const a = asciiBytes(T2);
    expect(a.buffer.byteLength).toBe(T2.length);
    expect(a[0]).toBe(0x3b);
    wipe(a, null, undefined);
    expect(a.every((b) => b === 0)).toBe(true);
  });

  it('withWiped wipes after use, after a throw and after an async use', async () => {
    const a = asciiBytes('abc');
    expect(withWiped(a, (b) => b.length)).toBe(3);
    expect([...a]).toEqual([0, 0, 0]);
    const b = asciiBytes('abc');
    expect(() =>
      withWiped(b, () => {
        throw new Error('x');
      }),
    ).toThrow('x');
    expect([...b]).toEqual([0, 0, 0]);
    const c = asciiBytes('abc');
    await withWiped(c, async () => Promise.resolve());
    expect([...c]).toEqual([0, 0, 0]);
  });
});
