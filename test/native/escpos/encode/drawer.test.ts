import { describe, expect, it } from 'vitest';
import { DEFAULT_DRAWER_PULSE, drawerPulseBytes } from '../../../../native/escpos/encode/drawer';

describe('cash drawer pulse ESC p m t1 t2', () => {
  it('is always five bytes, with the default timing', () => {
    expect([...drawerPulseBytes()]).toEqual([0x1b, 0x70, 0x00, 25, 250]);
    expect(drawerPulseBytes(DEFAULT_DRAWER_PULSE)).toHaveLength(5);
  });

  it('selects pin 5 with m = 1 and keeps the configured timing', () => {
    expect([...drawerPulseBytes({ pin: 5, t1: 50, t2: 100 })]).toEqual([0x1b, 0x70, 0x01, 50, 100]);
  });

  it('still sends both timing bytes when they are zero', () => {
    expect([...drawerPulseBytes({ pin: 2, t1: 0, t2: 0 })]).toEqual([0x1b, 0x70, 0x00, 0, 0]);
  });

  it('refuses timings that do not fit a byte and unknown pins', () => {
    expect(() => drawerPulseBytes({ pin: 2, t1: 256, t2: 10 })).toThrow(/t1 = 256/);
    expect(() => drawerPulseBytes({ pin: 2, t1: 10, t2: 1.5 })).toThrow(/t2/);
    expect(() => drawerPulseBytes({ pin: 3 as 2, t1: 10, t2: 10 })).toThrow(/pin/);
  });
});
