// End to end: the CLI as `npm run receipt` runs it, in a child process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, GOLDEN_DIR } from '../../support/golden';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'receipt-cli-'));
const fixture = path.join(FIXTURES_DIR, 'sale.json');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/printing/receipt-cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('receipt CLI', () => {
  it('writes exactly the golden bytes for each Chinese profile', () => {
    for (const id of ['cn-80', 'cn-58']) {
      const out = path.join(tmp, `${id}.bin`);
      const r = cli('--in', fixture, '--out', out, '--profile', id);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(fs.readFileSync(out).equals(fs.readFileSync(path.join(GOLDEN_DIR, `sale.${id}.bin`)))).toBe(
        true,
      );
    }
  });

  it('honours --mode text, --copy and --drawer', () => {
    const out = path.join(tmp, 'copy.bin');
    const r = cli(
      '--in',
      fixture,
      '--out',
      out,
      '--profile',
      'cn-80',
      '--mode',
      'text',
      '--copy',
      '--drawer',
    );
    expect(r.status).toBe(0);
    const golden = fs.readFileSync(path.join(GOLDEN_DIR, 'sale-copy-drawer.cn-80.bin'));
    expect(fs.readFileSync(out).equals(golden)).toBe(true);
  });

  it('--width 58 lays the receipt out in 32 columns', () => {
    const out = path.join(tmp, 'w58.bin');
    expect(cli('--in', fixture, '--out', out, '--profile', 'cn-80', '--width', '58').status).toBe(0);
    const text = fs.readFileSync(out).toString('latin1');
    expect(text).toContain(`\n${'-'.repeat(32)}\n`);
    expect(text).not.toContain('-'.repeat(33));
  });

  it('--list-profiles lists every profile', () => {
    const r = cli('--list-profiles');
    expect(r.status).toBe(0);
    for (const id of ['epson-80', 'cn-80', 'cn-58']) expect(r.stdout).toMatch(new RegExp(`^${id} `, 'm'));
    expect(r.stdout).toContain('48 columns');
  });

  it('writes a raster receipt for a printer without a Chinese font', () => {
    const r = cli(
      '--in',
      fixture,
      '--out',
      path.join(tmp, 'r.bin'),
      '--profile',
      'cn-80',
      '--mode',
      'raster',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/raster mode/);
    const bytes = fs.readFileSync(path.join(tmp, 'r.bin'));
    expect(bytes.includes(Buffer.from([0x1d, 0x76, 0x30]))).toBe(true); // GS v 0
  });

  it('exits 2 when Chinese text needs raster on a printer without a Chinese font', () => {
    const r = cli(
      '--in',
      fixture,
      '--out',
      path.join(tmp, 'e.bin'),
      '--profile',
      'epson-80',
      '--mode',
      'text',
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('raster mode is required');
  });

  it('exits 1 naming the bad field of an invalid sale file', () => {
    const bad = JSON.parse(fs.readFileSync(fixture, 'utf8')) as { sale: { lines: { unit: string }[] } };
    const line = bad.sale.lines[1];
    if (line) line.unit = 'litre';
    const file = path.join(tmp, 'bad.json');
    fs.writeFileSync(file, JSON.stringify(bad));
    const r = cli('--in', file, '--out', path.join(tmp, 'bad.bin'), '--profile', 'cn-80');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sale.lines[1].unit:');
    expect(fs.existsSync(path.join(tmp, 'bad.bin'))).toBe(false);
  });

  it('exits 1 for malformed JSON and for an unknown profile', () => {
    const file = path.join(tmp, 'broken.json');
    fs.writeFileSync(file, '{ "sale": ');
    const broken = cli('--in', file, '--out', path.join(tmp, 'x.bin'), '--profile', 'cn-80');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('not valid JSON');
    const unknown = cli('--in', fixture, '--out', path.join(tmp, 'x.bin'), '--profile', 'star-99');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Unknown profile "star-99"');
  });
});

describe('receipt CLI warnings and file errors', () => {
  it('warns on stderr about characters the printer cannot print, and still writes the receipt', () => {
    const sale = JSON.parse(fs.readFileSync(fixture, 'utf8')) as { sale: { lines: { name: string }[] } };
    const line = sale.sale.lines[0];
    if (line) line.name = '可乐😀';
    const file = path.join(tmp, 'emoji.json');
    fs.writeFileSync(file, JSON.stringify(sale));
    const r = cli('--in', file, '--out', path.join(tmp, 'emoji.bin'), '--profile', 'cn-58');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('warning: U+1F600 "😀" cannot be printed; printed "□" instead.\n');
  });

  it('--logo prints the image as GS v 0 dots at the top; an unreadable image exits 1 and writes nothing', () => {
    const png = path.join(tmp, 'logo.png');
    const canvas = createCanvas(120, 40);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 120, 40);
    ctx.fillStyle = '#000';
    ctx.fillRect(10, 10, 100, 20);
    fs.writeFileSync(png, canvas.toBuffer('image/png'));
    const plain = path.join(tmp, 'plain.bin');
    const withLogo = path.join(tmp, 'logo.bin');
    expect(cli('--in', fixture, '--out', plain, '--profile', 'cn-80').status).toBe(0);
    expect(cli('--in', fixture, '--out', withLogo, '--profile', 'cn-80', '--logo', png).status).toBe(0);
    const gsv0 = Buffer.from([0x1d, 0x76, 0x30]);
    const a = fs.readFileSync(plain);
    const b = fs.readFileSync(withLogo);
    expect(a.indexOf(gsv0)).toBe(-1);
    const at = b.indexOf(gsv0);
    expect(at).toBeGreaterThan(-1);
    // The image comes before the store name, and its header says 120 dots = 15 bytes wide, 40 rows.
    expect(at).toBeLessThan(b.indexOf(Buffer.from([0xba, 0xc3]))); // 好 in GB18030: the store name's first Hanzi
    expect([...b.subarray(at + 4, at + 8)]).toEqual([15, 0, 40, 0]);

    const bad = path.join(tmp, 'not-a-png.png');
    fs.writeFileSync(bad, 'definitely not an image');
    const out = path.join(tmp, 'bad-logo.bin');
    const r = cli('--in', fixture, '--out', out, '--profile', 'cn-80', '--logo', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--logo .*not-a-png\.png: cannot use this image/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('exits 1 when the input file cannot be read', () => {
    const r = cli(
      '--in',
      path.join(tmp, 'nope.json'),
      '--out',
      path.join(tmp, 'n.bin'),
      '--profile',
      'cn-80',
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ENOENT');
  });
});
