// `npm run gateway`: the sandbox gateway in a process of its own, as a shop's gateway is, for the e2e suite
// and the benchmarks. Resolves with its machine-readable ready line (url, terminal, secretFile, certFile …).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly secretFile: string;
  /** with --tls: the self-signed certificate the till pins */
  readonly certFile: string | null;
}

export async function startGatewayProcess(
  dir: string,
  args: readonly string[] = [],
): Promise<GatewayProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/gateway/sandbox/cli.ts', '--port', '0', '--data', dir, ...args],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  if (!child.stdout) throw new Error('the gateway has no stdout');
  const lines = readline.createInterface({ input: child.stdout });
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway did not start:\n${err}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited with ${code}:\n${err}`));
    });
    lines.on('line', (line) => {
      if (!line.startsWith('{"event":"ready"')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as Record<string, unknown>);
    });
  });
  child.removeAllListeners('exit');
  const text = (k: string): string => (typeof ready[k] === 'string' ? ready[k] : '');
  return { child, url: text('url'), secretFile: text('secretFile'), certFile: text('certFile') || null };
}
