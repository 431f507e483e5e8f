// The QR payment code formats: which scheme a scanned code belongs to.
import { describe, expect, it } from 'vitest';
import { schemeOfCode } from '../../../../main/gateway/sandbox/qr-rules';

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
