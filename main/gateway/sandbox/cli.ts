// `npm run gateway -- --port N --data DIR [--tls] [--host H] [--terminal T01] [--secret-file F] [--admin-token X]`
// runs the sandbox gateway standalone until SIGINT/SIGTERM; `npm run gateway -- dukpt …` is the DUKPT tool and
// `npm run gateway -- bill …` writes a day of the ledger as a wallet's bill file (bill-cli.ts).
// `--tls` serves HTTPS with a self-signed certificate kept in DIR (tls.ts): its path and SHA-256 are printed
// for the till's gateway.serverCertFile / serverCertSha256. The last line before serving is machine-readable:
// {"event":"ready","url":…,"terminal":…,"secretFile":…,"certFile":…,"certSha256":…}.
// The terminal secret is hex in a file (generated into DIR/terminal-secret, mode 0600, when none is given),
// so it never appears in the shell history or the process list.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBillCommand } from './bill-cli';
import { LEDGER_FILE } from './ledger';
import type { Logger } from '../../../native/log/logger';
import { startSandboxGateway } from './server';
import { loadOrCreateSandboxCertificate } from './tls';

const USAGE = `usage:
  npm run gateway -- --port N --data DIR [--tls] [--host H] [--terminal T01] [--secret-file FILE]
                      [--admin-token TOKEN]
                      [--currency CNY] [--time-zone Asia/Shanghai]
  npm run gateway -- dukpt …   (npm run gateway -- dukpt --help)
  npm run gateway -- bill --data DIR --day YYYY-MM-DD --format wechat|alipay [--out FILE]`;

class CliError extends Error {}

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);

async function runDukpt(argv: string[]): Promise<number> {
  let mod: { runDukptCommand: (argv: string[], o: typeof out, e: typeof err) => number };
  try {
    mod = await import('./dukpt-cli');
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') {
      err('error: the dukpt tool (main/gateway/sandbox/dukpt-cli.ts) is not part of this build');
      return 2;
    }
    throw e;
  }
  return mod.runDukptCommand(argv, out, err);
}

function parsePort(text: string | undefined): number {
  if (text === undefined) throw new CliError('--port is required (0 = any free port)');
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new CliError(`--port must be 0-65535, got '${text}'`);
  return port;
}

function prepareDataDir(dir: string | undefined): string {
  if (dir === undefined) throw new CliError('--data DIR is required (the ledger and keys live there)');
  const full = path.resolve(dir);
  try {
    // Not recursive: a mistyped path should fail, not grow a new tree (and recursive mkdir spins on /proc).
    if (!fs.existsSync(full)) fs.mkdirSync(full, { mode: 0o700 });
    if (!fs.statSync(full).isDirectory()) throw new Error('not a directory');
    fs.accessSync(full, fs.constants.R_OK | fs.constants.W_OK);
    const probe = path.join(full, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (e) {
    throw new CliError(`cannot use data directory ${full}: ${(e as Error).message}`);
  }
  return full;
}

function loadSecret(file: string, generate: boolean): Uint8Array {
  if (!fs.existsSync(file)) {
    if (!generate) throw new CliError(`secret file ${file} does not exist`);
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^([0-9a-fA-F]{2}){32,}$/.test(text)) {
    throw new CliError(`secret file ${file} must hold at least 32 bytes as hex (64+ hex digits)`);
  }
  return new Uint8Array(Buffer.from(text, 'hex'));
}

async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      terminal: { type: 'string', default: 'T01' },
      'secret-file': { type: 'string' },
      'admin-token': { type: 'string' },
      // The merchant account's currency and business-day zone; the defaults suit a shop in mainland China.
      currency: { type: 'string', default: 'CNY' },
      'time-zone': { type: 'string', default: 'Asia/Shanghai' },
      tls: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const port = parsePort(values.port);
  const dataDir = prepareDataDir(values.data);
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(values.terminal)) {
    throw new CliError('--terminal must be 1-32 letters, digits, _ or -');
  }
  const secretFile = path.resolve(values['secret-file'] ?? path.join(dataDir, 'terminal-secret'));
  const secret = loadSecret(secretFile, values['secret-file'] === undefined);
  const log: Logger = (level, msg, fields) => {
    (level === 'error' || level === 'warn' ? err : out)(
      `${level} ${msg}${fields ? ` ${JSON.stringify(fields)}` : ''}`,
    );
  };
  const cert = values.tls ? await loadOrCreateSandboxCertificate(dataDir) : null;
  let gw;
  try {
    gw = await startSandboxGateway({
      host: values.host,
      port,
      dataDir,
      terminals: [{ terminalId: values.terminal, secret }],
      ...(values['admin-token'] !== undefined ? { adminToken: values['admin-token'] } : {}),
      currency: values.currency,
      businessTimeZone: values['time-zone'],
      log,
      ...(cert ? { tls: { certPem: cert.certPem, keyPem: cert.keyPem } } : {}),
    });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} on ${values.host} is already in use`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new CliError(`cannot listen on host ${values.host}`);
    if (code === 'EACCES') throw new CliError(`not allowed to listen on port ${port}`);
    throw e;
  }
  out(`sandbox gateway listening on ${gw.url}`);
  out(`terminal: ${values.terminal}`);
  out(`secret: ${secretFile} (hex)`);
  out(`ledger: ${path.join(dataDir, LEDGER_FILE)}`);
  out(`admin: ${values['admin-token'] !== undefined ? 'enabled (x-admin-token)' : 'disabled'}`);
  if (cert) out(`tls certificate: ${cert.certFile} (SHA-256 ${cert.sha256})`);
  out(
    JSON.stringify({
      event: 'ready',
      url: gw.url,
      terminal: values.terminal,
      secretFile,
      certFile: cert?.certFile ?? null,
      certSha256: cert?.sha256 ?? null,
    }),
  );
  const running = gw;
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      out(`${signal}: closing`);
      void running.close().then(resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  out('stopped');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'dukpt') return runDukpt(argv.slice(1));
  if (argv[0] === 'bill') return runBillCommand(argv.slice(1), (b) => process.stdout.write(b), err);
  try {
    return await serve(argv);
  } catch (e) {
    if (e instanceof CliError || (e as { code?: unknown }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      err(`error: ${(e as Error).message}`);
      err(USAGE);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    err(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
