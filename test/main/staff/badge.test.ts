// Staff badges: `STAFF:<operator code>` (Code 128). Anything else is not a badge.
import { describe, expect, it } from 'vitest';
import { badgeCode, badgePayload, mustBadgeCode } from '../../../main/staff/badge';
import { failureOf } from '../store/fixtures';

describe('staff badge', () => {
  it('reads the operator code from a badge, case-insensitively, the payload round-trips', () => {
    expect(badgeCode('STAFF:100')).toBe('100');
    expect(badgeCode(' staff:7 ')).toBe('7');
    expect(badgeCode(badgePayload('123456'))).toBe('123456');
  });

  it('refuses what is not a badge: a product code, an empty code, letters, too long', async () => {
    for (const scan of ['6901234567892', 'STAFF:', 'STAFF:12a', 'STAFF:1234567', 'STAF:1', 'XSTAFF:1']) {
      expect(badgeCode(scan)).toBeNull();
    }
    expect((await failureOf(() => mustBadgeCode('6901234567892'))).code).toBe('BARCODE_MALFORMED');
  });
});
