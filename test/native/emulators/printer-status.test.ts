// Status derived from the emulated mechanism: what stops the printer, GS r bytes, and when ASB speaks.
import { describe, expect, it } from 'vitest';
import {
  AutoStatusBack,
  isOffline,
  realTimeStatusByte,
  transmitStatusByte,
} from '../../../native/emulators/printer-status';
import type { MechanismState } from '../../../native/emulators/printer-status';
import { parseAsb, parseStatusByte } from '../../../native/escpos/status';

const idle: MechanismState = { paper: 'ok', coverOpen: false, drawerOpen: false, cutterError: false };

describe('printer status from the mechanism', () => {
  it('is offline for paper out, cover open or a cutter error, not for paper near end', () => {
    expect(isOffline(idle)).toBe(false);
    expect(isOffline({ ...idle, paper: 'nearEnd' })).toBe(false);
    expect(isOffline({ ...idle, paper: 'out' })).toBe(true);
    expect(isOffline({ ...idle, coverOpen: true })).toBe(true);
    expect(isOffline({ ...idle, cutterError: true })).toBe(true);
  });

  it('answers every DLE EOT n with a valid status byte', () => {
    for (const n of [1, 2, 3, 4] as const) {
      expect(parseStatusByte(n, realTimeStatusByte(n, { ...idle, paper: 'out', drawerOpen: true })).ok).toBe(
        true,
      );
    }
    expect(realTimeStatusByte(1, idle)).toBe(0x12);
  });

  it('GS r bytes (hand-written)', () => {
    expect(transmitStatusByte(1, idle)).toBe(0);
    expect(transmitStatusByte(1, { ...idle, paper: 'nearEnd' })).toBe(0x03);
    expect(transmitStatusByte(1, { ...idle, paper: 'out' })).toBe(0x0f);
    expect(transmitStatusByte(2, { ...idle, drawerOpen: true })).toBe(1);
  });

  it('ASB speaks on enabling and then only when an enabled group changes', () => {
    const asb = new AutoStatusBack();
    expect(asb.changed({ ...idle, coverOpen: true })).toBeNull(); // off
    expect(asb.enable(0b0001, idle)).not.toBeNull(); // drawer group only
    expect(asb.changed({ ...idle, paper: 'out' })).toBeNull();
    const msg = asb.changed({ ...idle, paper: 'out', drawerOpen: true });
    expect(msg && parseAsb(msg)).toMatchObject({
      ok: true,
      status: { drawerSensorHigh: true, paperOut: true },
    });
    expect(asb.changed({ ...idle, paper: 'out', drawerOpen: true })).toBeNull();
    expect(asb.enable(0, idle)).toBeNull();
  });
});
