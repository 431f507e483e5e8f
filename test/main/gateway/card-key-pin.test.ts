// The card key pin's rule: with a pin, the key's id AND its public key's SPKI SHA-256 must both match; without
// one, a live till (requirePin) trusts no key and training trusts any.
import { describe, expect, it } from 'vitest';
import { checkCardKey, spkiSha256 } from '../../../main/gateway/card-key-pin';
import { cardKeyFrom } from '../../../main/gateway/sandbox/keys';
import { sharedKeyPem } from './sandbox/harness';

const key = cardKeyFrom(sharedKeyPem()).cardKey;
const hash = spkiSha256(key.publicKeyPem) ?? '';

describe('checkCardKey', () => {
  it('the pinned key (hash in any case) is trusted', () => {
    expect(checkCardKey(key, { pin: { keyId: key.kid, spkiSha256: hash }, requirePin: true })).toEqual({
      trusted: true,
    });
    expect(
      checkCardKey(key, { pin: { keyId: key.kid, spkiSha256: hash.toUpperCase() }, requirePin: true })
        .trusted,
    ).toBe(true);
  });

  it('another id or another public key is a mismatch naming both', () => {
    for (const pin of [
      { keyId: 'other', spkiSha256: hash },
      { keyId: key.kid, spkiSha256: '00'.repeat(32) },
    ]) {
      const t = checkCardKey(key, { pin, requirePin: false });
      expect(t).toMatchObject({ trusted: false, reason: 'mismatch' });
      expect(t.trusted ? '' : t.message).toContain(`not the pinned ${pin.keyId}`);
    }
  });

  it('no pin: refused on a live till (to be pinned from the connection test), trusted in training', () => {
    expect(checkCardKey(key, { pin: null, requirePin: true })).toMatchObject({
      trusted: false,
      reason: 'unpinned',
    });
    expect(checkCardKey(key, { pin: null, requirePin: false })).toEqual({ trusted: true });
  });

  it('spkiSha256 is the hex SHA-256 of the DER SPKI (the sandbox kid is its base64url)', () => {
    expect(Buffer.from(hash, 'hex').toString('base64url')).toBe(key.kid);
    expect(spkiSha256('not a key')).toBeNull();
  });
});
