// The IEEE 1284 device ID a printer returns to GET_DEVICE_ID: a 2-byte big-endian length (counting itself)
// and `KEY:value;` pairs such as `MFG:EPSON;CMD:ESC/POS;MDL:TM-T88V;`. Keys have long and short spellings.

export interface Ieee1284Id {
  /** Every field as sent, keys upper-cased. */
  readonly fields: Readonly<Record<string, string>>;
  readonly manufacturer: string | null;
  readonly model: string | null;
  /** Command sets (CMD is a comma-separated list: `ESC/POS,STAR`). */
  readonly commandSet: readonly string[];
  readonly raw: string;
}

const ALIASES: Record<string, string> = { MANUFACTURER: 'MFG', MODEL: 'MDL', 'COMMAND SET': 'CMD' };

export function parseIeee1284Id(text: string): Ieee1284Id {
  const fields: Record<string, string> = {};
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const key = part.slice(0, colon).trim().toUpperCase();
    const value = part.slice(colon + 1).trim();
    fields[ALIASES[key] ?? key] = value;
  }
  const get = (k: string): string | null => fields[k] ?? null;
  return {
    fields,
    manufacturer: get('MFG'),
    model: get('MDL'),
    commandSet: (get('CMD') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    raw: text,
  };
}

/** The payload of a GET_DEVICE_ID answer (length prefix checked and removed). Throws on a malformed one. */
export function decodeDeviceIdPayload(data: Uint8Array): string {
  if (data.length < 2)
    throw new Error(`GET_DEVICE_ID answer is ${data.length} bytes, shorter than its length prefix`);
  const declared = ((data[0] as number) << 8) | (data[1] as number);
  if (declared < 2) throw new Error(`GET_DEVICE_ID length prefix ${declared} is impossible`);
  // Some printers overstate the length; never read past what actually arrived.
  const end = Math.min(declared, data.length);
  return new TextDecoder('latin1').decode(data.subarray(2, end));
}
