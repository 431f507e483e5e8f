// IEEE 1284 device IDs: the printer's self-description, from the raw GET_DEVICE_ID payload.
import { describe, expect, it } from 'vitest';
import { decodeDeviceIdPayload, parseIeee1284Id } from '../../../native/transports/ieee1284-id';

describe('IEEE 1284 device ID', () => {
  it('parses short and long keys and a command-set list', () => {
    const id = parseIeee1284Id('MANUFACTURER:Star;COMMAND SET:ESC/POS, STAR;MODEL:TSP143;CLS:PRINTER;');
    expect(id.manufacturer).toBe('Star');
    expect(id.model).toBe('TSP143');
    expect(id.commandSet).toEqual(['ESC/POS', 'STAR']);
    expect(id.fields.CLS).toBe('PRINTER');
  });

  it('honours the length prefix, never reading past what arrived', () => {
    const text = 'MFG:X;MDL:Y;';
    const data = Uint8Array.from([
      0,
      text.length + 2,
      ...Array.from(text, (c) => c.charCodeAt(0)),
      0x41,
      0x41,
    ]);
    expect(decodeDeviceIdPayload(data)).toBe(text);
    const overstated = Uint8Array.from([0x01, 0x00, ...Array.from(text, (c) => c.charCodeAt(0))]);
    expect(decodeDeviceIdPayload(overstated)).toBe(text);
    expect(() => decodeDeviceIdPayload(Uint8Array.of(0))).toThrow(/length prefix/);
  });
});
