// Golden files: expected receipts stored under test/main/printing/golden/. A mismatch fails the test; the files
// are rewritten only when UPDATE_GOLDEN=1 is set, so a changed receipt is always a reviewed diff.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const GOLDEN_DIR = path.join(import.meta.dirname, '../main/printing/golden');
export const FIXTURES_DIR = path.join(import.meta.dirname, '../main/printing/fixtures');

/** 16 bytes a row, so a byte diff reads like a hex dump. */
export function hexDump(bytes: Uint8Array): string {
  const rows: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const row = bytes.subarray(i, i + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${i.toString(16).padStart(6, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return rows.join('\n');
}

export function expectGolden(
  name: string,
  actual: string | Uint8Array,
  opts: { dir?: string; update?: boolean } = {},
): void {
  const file = path.join(opts.dir ?? GOLDEN_DIR, name);
  if (opts.update ?? process.env.UPDATE_GOLDEN === '1') {
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file))
    throw new Error(`Golden file ${name} is missing: run the tests with UPDATE_GOLDEN=1.`);
  const expected = fs.readFileSync(file);
  if (typeof actual === 'string') expect(actual, `golden ${name}`).toBe(expected.toString('utf8'));
  else expect(hexDump(actual), `golden ${name}`).toBe(hexDump(new Uint8Array(expected)));
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}
