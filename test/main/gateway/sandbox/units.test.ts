// The pure parts: track parsing, card-number facts, routing and the QR code formats.
import { describe, expect, it } from 'vitest';
import { brandOf, isExpired, luhnValid, parseTrack } from '../../../../main/gateway/sandbox/card-number';
import { matchRoute } from '../../../../main/gateway/sandbox/router';
import { schemeOfCode } from '../../../../main/gateway/sandbox/qr-rules';
import { FaultTable } from '../../../../main/gateway/sandbox/faults';

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

describe('matchRoute', () => {
  it('matches templates and decodes parameters', () => {
    expect(matchRoute('POST', '/v1/payments/pay_1/capture')).toEqual({
      name: 'capture',
      params: { paymentId: 'pay_1' },
    });
    expect(matchRoute('GET', '/v1/payments?reference=a%3Ab')).toEqual({
      name: 'lookupPayment',
      params: { reference: 'a:b' },
    });
    expect(() => matchRoute('GET', '/v1/payments')).toThrow(/reference/);
    expect(() => matchRoute('PUT', '/v1/payments/authorize')).toThrow(/not allowed/);
  });
});

describe('QR payment codes', () => {
  it.each([
    ['134567890123456789', 'wechat'],
    ['104567890123456789', 'wechat'],
    ['2845678901234567', 'alipay'],
    ['301234567890123456789012', 'alipay'],
    ['6212345678901234567', 'unionpay'],
    ['164567890123456789', null],
    ['13456789012345678', null],
  ])('%s -> %s', (code, scheme) => {
    expect(schemeOfCode(code)).toBe(scheme);
  });
});

describe('FaultTable', () => {
  it('stacks latency, picks the first other rule, and counts down times', () => {
    const t = new FaultTable();
    t.set([
      { kind: 'latency', ms: 10, times: 1 },
      { route: 'capture', kind: 'status', status: 502 },
      { kind: 'drop-response', times: 1 },
    ]);
    expect(t.planFor('authorize')).toMatchObject({ latencyMs: 10, fault: 'drop-response' });
    expect(t.planFor('authorize')).toMatchObject({ latencyMs: 0, fault: null });
    expect(t.planFor('capture')).toMatchObject({ fault: 'status', status: 502 });
  });
});
