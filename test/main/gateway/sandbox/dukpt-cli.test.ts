// The sandbox gateway's `dukpt` command: outputs, exit codes and messages, called directly and once
// through a real Node process the way `npm run gateway -- dukpt …` will run it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDukptCommand } from '../../../../main/gateway/sandbox/dukpt-cli';
import { cbcEncrypt, parseHex, tdesTransactionKey, tdesVariantKey } from '../../../../native/card/dukpt';

const TDES_BDK = '0123456789ABCDEFFEDCBA9876543210';
const AES_BDK = 'FEDCBA9876543210F1F1F1F1F1F1F1F1';

function run(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runDukptCommand(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

describe('dukpt derive', () => {
  it('prints the TDES transaction key and variants (public vectors)', () => {
    expect(run('derive', '--bdk', TDES_BDK, '--ksn', 'FFFF9876543210E00001')).toEqual({
      code: 0,
      out: ['042666B49184CFA368DE9628D0397BC9'],
      err: [],
    });
    const pin = run('derive', '--bdk', TDES_BDK, '--ksn', 'ffff9876543210e00001', '--variant', 'pin');
    expect(pin.out).toEqual(['042666B49184CF5C68DE9628D0397B36']);
    const data = run(
      'dukpt',
      'derive',
      '--bdk',
      TDES_BDK,
      '--ksn',
      'FFFF9876543210E00001',
      '--variant',
      'data',
    );
    const tk = tdesTransactionKey(parseHex('bdk', TDES_BDK), parseHex('ksn', 'FFFF9876543210E00001'));
    expect(data.out).toEqual([Buffer.from(tdesVariantKey(tk, 'data-request')).toString('hex').toUpperCase()]);
  });

  it('picks AES-128 DUKPT for a 12-byte KSN', () => {
    const ksn = '123456789012345600000001';
    expect(run('derive', '--bdk', AES_BDK, '--ksn', ksn).out).toEqual(['4F21B565BAD9835E112B6465635EAE44']);
    expect(run('derive', '--bdk', AES_BDK, '--ksn', ksn, '--variant', 'pin').out).toEqual([
      'AF8CB133A78F8DC2D1359F18527593FB',
    ]);
    expect(run('derive', '--bdk', AES_BDK, '--ksn', ksn, '--variant', 'data').out).toEqual([
      'A35C412EFD41FDB98B69797C02DCD08F',
    ]);
  });

  it('exits 1 with a specific message on bad input', () => {
    const cases: [string[], RegExp][] = [
      [['--bdk', TDES_BDK, '--ksn', 'FFFF9876543210E0000'], /--ksn has an odd number of hex digits/],
      [['--bdk', TDES_BDK, '--ksn', 'FFFF9876543210E000'], /--ksn must be 10 bytes .* or 12 bytes/],
      [['--bdk', 'ZZ', '--ksn', 'FFFF9876543210E00001'], /--bdk has a non-hex character 'Z' at position 0/],
      [['--bdk', TDES_BDK.slice(0, 16), '--ksn', 'FFFF9876543210E00001'], /--bdk must be 16 bytes/],
      [['--bdk', TDES_BDK, '--ksn', 'FFFF9876543210E00000'], /counter is 0/],
      [['--bdk', TDES_BDK, '--ksn', 'FFFF9876543210E007FF'], /11 one-bits/],
      [['--bdk', AES_BDK, '--ksn', '12345678901234560001FFFF'], /17 one-bits; at most 16/],
    ];
    for (const [args, message] of cases) {
      const r = run('derive', ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toMatch(message);
    }
  });

  it('exits 2 with the usage on usage errors', () => {
    const cases: [string[], RegExp][] = [
      [[], /missing command/],
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['derive', '--ksn', 'FFFF9876543210E00001'], /missing --bdk/],
      [
        ['derive', '--bdk', TDES_BDK, '--ksn', 'FFFF9876543210E00001', '--variant', 'mac'],
        /--variant must be pin or data/,
      ],
      [['derive', '--bdk', TDES_BDK, '--ksn', 'FFFF9876543210E00001', '--bogus'], /Unknown option '--bogus'/],
      [
        ['derive', '--bdk', TDES_BDK, '--ksn', 'FFFF9876543210E00001', '--data', '00'],
        /--data is only for decrypt/,
      ],
      [
        ['decrypt', '--bdk', TDES_BDK, '--ksn', 'FFFF9876543210E00001', '--data', '00'.repeat(8)],
        /needs --variant/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err[0]).toMatch(message);
      expect(r.err.join('\n')).toMatch(/usage: gateway dukpt derive/);
    }
    expect(run('--help')).toMatchObject({ code: 0, out: [expect.stringMatching(/^usage:/)] });
  });
});

describe('dukpt decrypt', () => {
  const track2 = ';4012345678909=25121010000000000000?';
  const clearHex = Buffer.from(track2, 'latin1').toString('hex').toUpperCase();

  it('decrypts TDES track data under the data variant, trimming with --length', () => {
    const ksn = 'FFFF9876543210E00002';
    const tk = tdesTransactionKey(parseHex('bdk', TDES_BDK), parseHex('ksn', ksn));
    const enc = cbcEncrypt('tdes', tdesVariantKey(tk, 'data-request'), Buffer.from(track2, 'latin1'));
    const encHex = Buffer.from(enc).toString('hex');
    const padded = run('decrypt', '--bdk', TDES_BDK, '--ksn', ksn, '--variant', 'data', '--data', encHex);
    expect(padded).toEqual({ code: 0, out: [clearHex + '00000000'], err: [] });
    const args = ['decrypt', '--bdk', TDES_BDK, '--ksn', ksn, '--variant', 'data', '--data', encHex];
    expect(run(...args, '--length', String(track2.length)).out).toEqual([clearHex]);
    expect(run(...args, '--length', '99')).toMatchObject({
      code: 1,
      err: [expect.stringMatching(/longer than the 40/)],
    });
    expect(run(...args, '--length', 'x')).toMatchObject({
      code: 1,
      err: [expect.stringMatching(/byte count/)],
    });
    expect(run(...args.slice(0, -1), encHex.slice(2))).toMatchObject({
      code: 1,
      err: [expect.stringMatching(/multiple of 8 bytes, got 39/)],
    });
  });

  it('runs as a real process (node --import tsx), as the gateway script will', () => {
    const root = path.resolve(import.meta.dirname, '../../../..');
    const script = `import('./main/gateway/sandbox/dukpt-cli.ts').then((m) => {
      process.exitCode = m.runDukptCommand(process.argv.slice(1), console.log, console.error);
    });`;
    const stdout = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        script,
        'dukpt',
        'derive',
        '--bdk',
        AES_BDK,
        '--ksn',
        '123456789012345600000002',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(stdout.trim()).toBe('2F34D68DE10F68D38091A73B9E7C437C');
  });
});
