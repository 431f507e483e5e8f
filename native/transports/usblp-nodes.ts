// The Linux usblp character devices present (/dev/usb/lp0 …), for the printer setup list.
import fs from 'node:fs';
import path from 'node:path';

export const USBLP_DIR = '/dev/usb';

/** Sorted device paths; none when the folder does not exist (no usblp printer, or not Linux). */
export function listUsblpNodes(dir: string = USBLP_DIR): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /^lp\d+$/.test(n))
    .sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))
    .map((n) => path.join(dir, n));
}
