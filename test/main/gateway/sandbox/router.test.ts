// Route matching: templates, decoded parameters and the refusals for unknown paths and methods.
import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../../main/gateway/sandbox/router';

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
