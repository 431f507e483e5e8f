// The answer signature (x-response-signature): valid only for the request it answers and exactly what it says.
import { describe, expect, it } from 'vitest';
import { HEADERS, signResponse, verifyResponse } from '../../../../main/gateway/protocol/signing';

const SECRET = Buffer.alloc(32, 3);
const ANSWER = {
  method: 'POST',
  path: '/v1/payments/authorize',
  nonce: 'nonce-of-this-request-0001',
  status: 200,
  body: '{"status":"approved","amountMinor":2050}',
};
const header = signResponse(SECRET, ANSWER)[HEADERS.responseSignature];

describe('response signatures', () => {
  it('verifies the answer it was made for', () => {
    expect(header).toMatch(/^CPOS1-RESPONSE-HMAC-SHA256 Signature=[0-9a-f]{64}$/);
    expect(verifyResponse(SECRET, { ...ANSWER, header })).toBe(true);
    expect(verifyResponse(SECRET, { ...ANSWER, body: Buffer.from(ANSWER.body), header })).toBe(true);
  });

  it('refuses any change: body, status, nonce (a replay), path, method, secret, or no header', () => {
    const changed = [
      { ...ANSWER, body: ANSWER.body.replace('2050', '2051') },
      { ...ANSWER, status: 201 },
      { ...ANSWER, nonce: 'nonce-of-another-request-01' },
      { ...ANSWER, path: '/v1/payments/other/capture' },
      { ...ANSWER, method: 'GET' },
    ];
    for (const a of changed) expect(verifyResponse(SECRET, { ...a, header })).toBe(false);
    expect(verifyResponse(Buffer.alloc(32, 4), { ...ANSWER, header })).toBe(false);
    expect(verifyResponse(SECRET, { ...ANSWER, header: undefined })).toBe(false);
    expect(verifyResponse(SECRET, { ...ANSWER, header: header?.replace('CPOS1-RESPONSE', 'CPOS1') })).toBe(
      false,
    );
  });
});
