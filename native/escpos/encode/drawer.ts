// Cash-drawer kick: `ESC p m t1 t2`. All five bytes, always: some libraries send only `ESC p m`, and the
// printer then swallows the next two bytes of the receipt as timings.

/** Drawer connector pin: 2 (m = 0) or 5 (m = 1). */
export type DrawerPin = 2 | 5;

export interface DrawerPulse {
  readonly pin: DrawerPin;
  /** on time, in 2 ms units (0-255) */
  readonly t1: number;
  /** off time, in 2 ms units (0-255); printers use at least t1 */
  readonly t2: number;
}

/** 50 ms on, 500 ms off on pin 2: what most drawers expect. */
export const DEFAULT_DRAWER_PULSE: DrawerPulse = { pin: 2, t1: 25, t2: 250 };

export function drawerPulseBytes(pulse: DrawerPulse = DEFAULT_DRAWER_PULSE): Uint8Array {
  for (const [name, v] of [
    ['t1', pulse.t1],
    ['t2', pulse.t2],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 255) {
      throw new RangeError(`Drawer pulse ${name} = ${v}: must be an integer 0-255 (units of 2 ms).`);
    }
  }
  if (pulse.pin !== 2 && pulse.pin !== 5)
    throw new RangeError(`Drawer pin ${String(pulse.pin)}: must be 2 or 5.`);
  return new Uint8Array([0x1b, 0x70, pulse.pin === 2 ? 0 : 1, pulse.t1, pulse.t2]);
}
