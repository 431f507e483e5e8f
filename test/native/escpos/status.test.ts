// DLE EOT answers: every byte value for every n is either rejected (fixed bits wrong) or parsed, and parsing
// and encoding agree.
import { describe, expect, it } from 'vitest';
import {
  encodeAsb,
  encodeStatusByte,
  isAsbFirstByte,
  isStatusByte,
  parseAsb,
  parseStatusByte,
} from '../../../native/escpos/status';
import type { AsbStatus, RealTimeStatus, StatusRequest } from '../../../native/escpos/status';

const REQUESTS: StatusRequest[] = [1, 2, 3, 4];
const ALL_BYTES = Array.from({ length: 256 }, (_, b) => b);

function parsed(n: StatusRequest, byte: number): RealTimeStatus {
  const r = parseStatusByte(n, byte);
  if (!r.ok) throw new Error(r.error);
  return r.status;
}
const encode = (s: RealTimeStatus): number => {
  const { request, ...fields } = s;
  // The overload ties fields to request; here the union is rebuilt from a parsed status, so it matches.
  return encodeStatusByte(request, fields as never);
};

describe('status byte', () => {
  it('accepts exactly the 16 bytes with bits 1,4 set and 0,7 clear', () => {
    const valid = ALL_BYTES.filter(isStatusByte);
    expect(valid).toHaveLength(16);
    expect(valid).toContain(0x12);
    for (const b of valid) expect(b & 0x93).toBe(0x12);
  });

  it.each(REQUESTS)('rejects every non-status byte for DLE EOT %i with a clear error', (n) => {
    for (const b of ALL_BYTES.filter((x) => !isStatusByte(x))) {
      const r = parseStatusByte(n, b);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/not a DLE EOT \d status byte/);
    }
    expect(parseStatusByte(n, 0x13)).toEqual({
      ok: false,
      error: '0x13 is not a DLE EOT ' + n + ' status byte: bits 1 and 4 must be 1 and bits 0 and 7 must be 0',
    });
    expect(parseStatusByte(n, 256).ok).toBe(false);
    expect(parseStatusByte(n, -1).ok).toBe(false);
  });

  it.each(REQUESTS)('parse then encode then parse is stable for every valid byte (DLE EOT %i)', (n) => {
    for (const b of ALL_BYTES.filter(isStatusByte)) {
      const s = parsed(n, b);
      const again = encode(s);
      expect(isStatusByte(again)).toBe(true);
      expect(parsed(n, again)).toEqual(s);
    }
  });

  it('encodes the documented bits (hand-written)', () => {
    expect(
      encodeStatusByte(1, {
        drawerSensorHigh: true,
        offline: true,
        waitingForRecovery: false,
        feedButtonPressed: false,
      }),
    ).toBe(0x1e);
    expect(
      encodeStatusByte(2, {
        coverOpen: true,
        paperFedByButton: false,
        stoppedForPaperEnd: true,
        error: false,
      }),
    ).toBe(0x36);
    expect(
      encodeStatusByte(3, { cutterError: true, unrecoverableError: false, autoRecoverableError: true }),
    ).toBe(0x5a);
    expect(encodeStatusByte(4, { paperNearEnd: true, paperOut: false })).toBe(0x1e);
    expect(encodeStatusByte(4, { paperNearEnd: true, paperOut: true })).toBe(0x7e);
    expect(encodeStatusByte(4, { paperNearEnd: false, paperOut: false })).toBe(0x12);
  });

  it('parses real answers (hand-written)', () => {
    expect(parsed(1, 0x16)).toEqual({
      request: 1,
      drawerSensorHigh: true,
      offline: false,
      waitingForRecovery: false,
      feedButtonPressed: false,
    });
    expect(parsed(2, 0x32)).toEqual({
      request: 2,
      coverOpen: false,
      paperFedByButton: false,
      stoppedForPaperEnd: true,
      error: false,
    });
    expect(parsed(3, 0x1a)).toEqual({
      request: 3,
      cutterError: true,
      unrecoverableError: false,
      autoRecoverableError: false,
    });
    expect(parsed(4, 0x72)).toEqual({ request: 4, paperNearEnd: false, paperOut: true });
    // One sensor bit of a pair is enough.
    expect(parsed(4, 0x16)).toEqual({ request: 4, paperNearEnd: true, paperOut: false });
  });

  it('every state of every request encodes to a status byte and parses back to itself', () => {
    const bools = [false, true];
    for (const a of bools)
      for (const b of bools)
        for (const c of bools)
          for (const d of bools) {
            const states: RealTimeStatus[] = [
              { request: 1, drawerSensorHigh: a, offline: b, waitingForRecovery: c, feedButtonPressed: d },
              { request: 2, coverOpen: a, paperFedByButton: b, stoppedForPaperEnd: c, error: d },
              { request: 3, cutterError: a, unrecoverableError: b, autoRecoverableError: c },
              { request: 4, paperNearEnd: a, paperOut: b },
            ];
            for (const s of states) expect(parsed(s.request, encode(s))).toEqual(s);
          }
  });
});

describe('automatic status back (GS a) messages', () => {
  const clear: AsbStatus = {
    drawerSensorHigh: false,
    offline: false,
    coverOpen: false,
    feedButtonPressed: false,
    cutterError: false,
    unrecoverableError: false,
    autoRecoverableError: false,
    paperNearEnd: false,
    paperOut: false,
  };

  it('encodes the documented bits (hand-written)', () => {
    expect(encodeAsb(clear)).toEqual(Uint8Array.of(0x10, 0, 0, 0));
    expect(
      encodeAsb({ ...clear, offline: true, coverOpen: true, paperNearEnd: true, paperOut: true }),
    ).toEqual(Uint8Array.of(0x28 | 0x10, 0, 0x0f, 0));
    expect(encodeAsb({ ...clear, drawerSensorHigh: true, cutterError: true })).toEqual(
      Uint8Array.of(0x14, 0x08, 0, 0),
    );
  });

  it('round-trips every combination of flags', () => {
    const keys = Object.keys(clear) as (keyof AsbStatus)[];
    for (let m = 0; m < 1 << keys.length; m++) {
      const s = Object.fromEntries(keys.map((k, i) => [k, ((m >> i) & 1) === 1])) as unknown as AsbStatus;
      const b = encodeAsb(s);
      expect(isAsbFirstByte(b[0] ?? 0)).toBe(true);
      expect(isStatusByte(b[0] ?? 0)).toBe(false); // never confused with a DLE EOT answer
      expect(parseAsb(b)).toEqual({ ok: true, status: s });
    }
  });

  it('rejects wrong lengths and bytes with the fixed bits wrong', () => {
    expect(parseAsb(Uint8Array.of(0x10, 0, 0))).toEqual({
      ok: false,
      error: 'an automatic status back message is 4 bytes, got 3',
    });
    expect(parseAsb(Uint8Array.of(0x12, 0, 0, 0))).toMatchObject({ ok: false, error: /0x12 does not start/ });
    expect(parseAsb(Uint8Array.of(0x10, 0, 0x10, 0))).toMatchObject({
      ok: false,
      error: /0x10 cannot be in/,
    });
    expect(parseAsb(Uint8Array.of(0x10, 0x80, 0, 0)).ok).toBe(false);
  });
});
