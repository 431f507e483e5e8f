// `gateway dukpt derive|decrypt`: the sandbox gateway's DUKPT tool, for checking what a reader (or the
// reader emulator) sent. It holds test BDKs only, which is why it lives in the sandbox gateway and never
// in the POS proper.
//
//   dukpt derive  --bdk HEX --ksn HEX [--variant pin|data]
//   dukpt decrypt --bdk HEX --ksn HEX --variant pin|data --data HEX [--cipher tdes|aes] [--length N]
//
// The scheme follows the KSN length: 10 bytes TDES DUKPT (X9.24-1), 12 bytes AES-128 DUKPT (X9.24-3).
// Exit codes: 0 ok; 1 bad input (bad hex, lengths, counter); 2 usage (unknown command/option, missing flag).
import { parseArgs } from 'node:util';
import { decryptTrackData, deriveDukptKey, DukptError, parseHex, toHex } from '../../../native/card/dukpt';
import type { CipherName, KeyVariant } from '../../../native/card/dukpt';
import { UsageError, oneOf, required } from '../../cli/args';

export const DUKPT_USAGE = `usage: gateway dukpt derive  --bdk HEX --ksn HEX [--variant pin|data]
       gateway dukpt decrypt --bdk HEX --ksn HEX --variant pin|data --data HEX [--cipher tdes|aes] [--length N]
  KSN of 10 bytes = TDES DUKPT (16-byte BDK); 12 bytes = AES-128 DUKPT (16-byte BDK).
  derive without --variant prints the transaction key (AES: the intermediate derivation key).
  decrypt prints the clear bytes in hex, zero padding included unless --length gives the clear length.`;

const OPTIONS = {
  bdk: { type: 'string' },
  ksn: { type: 'string' },
  variant: { type: 'string' },
  data: { type: 'string' },
  cipher: { type: 'string' },
  length: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function run(argv: string[], out: (line: string) => void): void {
  const args = argv[0] === 'dukpt' ? argv.slice(1) : argv;
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(DUKPT_USAGE);
    return;
  }
  const [command, ...extra] = positionals;
  if (command !== 'derive' && command !== 'decrypt') {
    throw new UsageError(command ? `unknown command '${command}'` : 'missing command (derive or decrypt)');
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  const variant = oneOf<KeyVariant>('variant', values.variant, ['pin', 'data']);
  const cipher = oneOf<CipherName>('cipher', values.cipher, ['tdes', 'aes']);
  const bdkHex = required('bdk', values.bdk);
  const ksnHex = required('ksn', values.ksn);

  if (command === 'derive') {
    for (const flag of ['data', 'cipher', 'length'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is only for decrypt`);
    }
    const ksn = parseHex('--ksn', ksnHex, [10, 12]);
    const bdk = parseHex('--bdk', bdkHex, [16]);
    out(toHex(deriveDukptKey(bdk, ksn, variant)));
    return;
  }

  const dataHex = required('data', values.data);
  // The reader's variant is a reader setting: the decrypting side has to be told, never guess.
  if (!variant) throw new UsageError('decrypt needs --variant pin|data (the reader setting)');
  let length: number | undefined;
  if (values.length !== undefined) {
    if (!/^\d+$/.test(values.length))
      throw new DukptError('BAD_LENGTH', `--length must be a byte count, got '${values.length}'`);
    length = Number(values.length);
  }
  const ksn = parseHex('--ksn', ksnHex, [10, 12]);
  const bdk = parseHex('--bdk', bdkHex, [16]);
  const data = parseHex('--data', dataHex);
  const clear = decryptTrackData({ bdk, ksn, variant, cipher, data });
  if (length !== undefined && length > clear.length) {
    throw new DukptError(
      'BAD_LENGTH',
      `--length ${length} is longer than the ${clear.length} decrypted bytes`,
    );
  }
  out(toHex(length === undefined ? clear : clear.slice(0, length)));
}

/** Runs `dukpt …` (argv after the gateway's own command word; a leading 'dukpt' is accepted too). */
export function runDukptCommand(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
): number {
  try {
    run(argv, out);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`dukpt: ${e.message}`);
      err(DUKPT_USAGE);
      return 2;
    }
    if (e instanceof DukptError) {
      err(`dukpt: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
