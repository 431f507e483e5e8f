// The sandbox gateway in a child process (`npm run gateway`), so its work never runs on the till's event loop
// while the benchmark measures how busy that loop is.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface GatewayProcess {
  readonly url: string;
  stop(): Promise<void>;
}

const REPO = path.resolve(import.meta.dirname, '..', '..');

/** Starts a gateway for terminal T01 whose secret is the hex in `secretFile`; its ledger lives in `dataDir`. */
export async function startGatewayProcess(dataDir: string, secretFile: string): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO, 'main', 'gateway', 'sandbox', 'cli.ts'),
      '--port',
      '0',
      '--data',
      dataDir,
      '--terminal',
      'T01',
      '--secret-file',
      secretFile,
    ],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`gateway exited (${code}): ${errors}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
