// Card data where it must not be: recognised (barcode field) and redacted (log lines), never returned.
import { describe, expect, it } from 'vitest';
import {
  looksLikePan,
  looksLikeTrackData,
  REDACTED,
  redactCardData,
} from '../../../../native/card/track/card-data';

const VISA = '4761739001010010';
const UNIONPAY = '6250941006528599';
const AMEX = '378282246310005';
const SHORT = '4012345678909'; // 13 digits, the DUKPT vectors' PAN

describe('looksLikePan / looksLikeTrackData', () => {
  it('a 13-19 digit Luhn-valid number is a PAN; one digit off, too short or too long is not', () => {
    for (const pan of [VISA, UNIONPAY, AMEX, SHORT, '6212345678901265']) expect(looksLikePan(pan)).toBe(true);
    expect(looksLikePan('4761739001010011')).toBe(false);
    expect(looksLikePan('424242424242')).toBe(false); // 12 digits
    expect(looksLikePan(`${VISA}0000`)).toBe(false); // 20 digits
  });

  it('whole, partial and garbled tracks are track data; barcodes and prose are not', () => {
    for (const t of [
      `%B${VISA}^TEST/VISA^30121010000000000000?`,
      `%B${VISA.slice(0, 6)}`,
      '%b4761',
      `;${VISA}=30121010000000000?`,
      `;${VISA.slice(0, 12)}`,
      `  ;${VISA}`,
      `${VISA}=3012101`, // track 2 without its sentinel
      `xx%B${VISA}^NAME`,
    ])
      expect(looksLikeTrackData(t), t).toBe(true);
    for (const t of ['6901234567892', '%', ';', ';123', '50%', 'A;1234', '%A4761739001010010'])
      expect(looksLikeTrackData(t), t).toBe(false);
  });
});

describe('redactCardData', () => {
  it('redacts PANs bare, spaced, dashed and inside text, and every track', () => {
    const cases = [
      `card ${VISA} declined`,
      `card 4761 7390 0101 0010 declined`,
      `card 4761-7390-0101-0010 declined`,
      `{"pan":"${UNIONPAY}"}`,
      `${AMEX}`,
      `scan %B${VISA}^TEST/VISA^30121010000000000000? then`,
      `scan ;${VISA}=30121010000000000? then`,
      `bare ${VISA}=30121010000000000`,
      `garbled ${VISA}30121010000000000`, // a PAN run into its expiry and service code
      `half a track %B${VISA.slice(0, 8)}`,
    ];
    for (const c of cases) {
      const out = redactCardData(c);
      expect(out, c).toContain(REDACTED);
      expect(out.replace(/\D/g, ''), c).not.toContain(VISA.slice(0, 12));
      for (const pan of [UNIONPAY, AMEX]) expect(out.replace(/[ -]/g, '')).not.toContain(pan);
    }
  });

  it('leaves ids, times, amounts, short numbers and non-Luhn runs alone', () => {
    const keep = [
      '2026-12-06T00:11:20.123Z',
      'sale 0193a4b2-7c1d-7e2f-8a9b-0c1d2e3f4a5b total 12345',
      'barcode 4006381333931 unknown', // a GTIN that fails Luhn
      'last four 0010, BIN 476173',
      'nothing here',
    ];
    for (const k of keep) expect(redactCardData(k)).toBe(k);
  });
});
