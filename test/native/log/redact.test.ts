// What the log sinks write: secret fields by name at any depth, card data by content in every string.
import { describe, expect, it } from 'vitest';
import { isSecretField, redactEntry, redactText, redactValue } from '../../../native/log/redact';

describe('isSecretField', () => {
  it('matches the secret words in any spelling of a field name', () => {
    for (const k of [
      'pin',
      'PIN',
      'pinBlock',
      'pin_block',
      'secret',
      'terminalSecret',
      'adminToken',
      'token',
      'password',
      'track',
      'track2',
      'tracks',
      'pan',
      'cardPan',
      'Authorization',
      'authorization',
      'cvv',
    ])
      expect(isSecretField(k), k).toBe(true);
    for (const k of [
      'pinyin',
      'shipping',
      'mapping',
      'panel',
      'company',
      'trackingNo',
      'saleId',
      'last4',
      'brand',
    ])
      expect(isSecretField(k), k).toBe(false);
  });
});

describe('redactValue / redactEntry', () => {
  it('redacts nested fields, arrays, errors and strings; summarises bytes; keeps the rest', () => {
    const out = redactValue({
      saleId: 's1',
      approval: { operatorCode: '900', pin: '1234' },
      list: [{ token: 't' }, 'card 4111111111111111'],
      key: new Uint8Array(16),
      err: new Error('PAN 4111 1111 1111 1111 refused'),
    });
    expect(out).toEqual({
      saleId: 's1',
      approval: { operatorCode: '900', pin: '[redacted]' },
      list: [{ token: '[redacted]' }, 'card [redacted]'],
      key: '[16 bytes]',
      err: expect.objectContaining({ name: 'Error', message: 'PAN [redacted] refused' }),
    });
    expect(JSON.stringify(out)).not.toContain('4111');
  });

  it('a message and its fields', () => {
    expect(redactEntry('track %B4111111111111111^X^2512? seen', { pinBlock: 'AB' })).toEqual({
      message: 'track [redacted] seen',
      fields: { pinBlock: '[redacted]' },
    });
  });
});

describe('redactText', () => {
  it('redacts secrets written inline, keeps their names', () => {
    expect(redactText('at pinBlock=1B9C1845EB993A7A next')).toBe('at pinBlock=[redacted] next');
    expect(redactText('{"token": "abc", "saleId": "s1"}')).toBe('{"token": "[redacted]", "saleId": "s1"}');
    expect(redactText('Authorization: Bearer abc.def')).toBe('Authorization: [redacted]');
    expect(redactText('sent with bearer xyz')).toBe('sent with Bearer [redacted]');
    expect(redactText('pinyin=ke spanning=3 pinned')).toBe('pinyin=ke spanning=3 pinned');
  });
});
