// The command table is the decoder's single source of truth: check it is consistent, and that every row
// decodes as a recognised command of exactly the length the table says.
import { describe, expect, it } from 'vitest';
import { COMMANDS, decodeEscPos } from '../../../../native/escpos/decoder';
import { bytes } from '../../../support/bytes';

describe('command table', () => {
  it('has unique prefixes and unique names', () => {
    const prefixes = COMMANDS.map((c) => c.prefix.join(','));
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });

  it('starts every multi-byte command with ESC, GS, FS or DLE', () => {
    for (const c of COMMANDS.filter((x) => x.prefix.length > 1))
      expect([0x1b, 0x1d, 0x1c, 0x10]).toContain(c.prefix[0]);
  });

  // Arguments of 1 suit every fixed-length command here (1 is a valid value for all of them).
  it.each(COMMANDS.filter((c) => c.args.kind === 'fixed').map((c) => [c.name, c] as const))(
    '%s is decoded with its fixed argument count, and the byte after it is text again',
    (_name, c) => {
      const count = c.args.kind === 'fixed' ? c.args.count : 0;
      const events = decodeEscPos(bytes(c.prefix, Array(count).fill(1), 'Z'));
      expect(events).toHaveLength(2);
      expect(['unknown', 'error', 'truncated', 'text']).not.toContain(events[0]?.type);
      // (FS & switches the text after it to GB18030, so the encoding is not checked here.)
      expect(events[1]).toMatchObject({ type: 'text', text: 'Z', offset: c.prefix.length + count });
    },
  );
});
