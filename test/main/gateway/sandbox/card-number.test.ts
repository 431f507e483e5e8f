// The pure card-number parts: track parsing, Luhn, brand and expiry.
import { describe, expect, it } from 'vitest';
import { brandOf, isExpired, luhnValid, parseTrack } from '../../../../main/gateway/sandbox/card-number';

describe('parseTrack', () => {
  it.each([
    [';4012345678909=2512101123?', '4012345678909', '2512'],
    ['4012345678909=2512101', '4012345678909', '2512'],
    ['%B4111111111111111^DOE/JANE^3012101?;4111111111111111=3012101?', '4111111111111111', '3012'],
    ['%B4111111111111111^DOE/JANE^3012101?', '4111111111111111', '3012'],
  ])('%s', (text, pan, expiry) => {
    expect(parseTrack(text)).toEqual({ pan, expiry });
  });

  it('returns null for text without a track', () => {
    expect(parseTrack('hello')).toBeNull();
    expect(parseTrack(';12345=2512?')).toBeNull();
  });
});

describe('card numbers', () => {
  it('checks Luhn, brand and expiry', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(brandOf('5500000000000004')).toBe('mastercard');
    expect(brandOf('2221000000000009')).toBe('mastercard');
    expect(brandOf('378282246310005')).toBe('amex');
    expect(brandOf('6212345678901232')).toBe('unionpay');
    expect(brandOf('3530111333300000')).toBe('jcb');
    expect(brandOf('6011111111111117')).toBe('discover');
    expect(isExpired('2603', new Date('2026-03-31T23:59:59Z'))).toBe(false);
    expect(isExpired('2603', new Date('2026-04-01T00:00:00Z'))).toBe(true);
    expect(isExpired('2613', new Date('2026-01-01T00:00:00Z'))).toBe(true);
  });
});
