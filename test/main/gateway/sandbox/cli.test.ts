// The standalone CLI: starts on a free port, prints its URL and secret file, answers a signed call, and
// closes cleanly on SIGTERM; refuses a port in use with a clear message.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeartbeatSchema } from '../../../../main/gateway/protocol/schemas';
import { signRequest } from '../../../../main/gateway/protocol/signing';
import { tempDir } from './harness';

const root = path.resolve(import.meta.dirname, '../../../..');
const node = path.join(root, 'node_modules/.bin/node');

function runCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(node, ['--import', 'tsx', 'main/gateway/sandbox/cli.ts', ...args], { cwd: root });
}

function waitFor(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (d: Buffer): void => {
      seen += d.toString();
      const m = pattern.exec(seen);
      if (m) {
        child.stdout.off('data', onData);
        resolve(m);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${seen}`)));
  });
}

const exitOf = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  new Promise((resolve) => child.once('exit', (code) => resolve(code)));

describe('gateway CLI', () => {
  it('serves signed calls and stops on SIGTERM', async () => {
    const dir = tempDir();
    const child = runCli(['--port', '0', '--data', dir, '--terminal', 'T07']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [, url] = await waitFor(child, /listening on (http:\/\/\S+)\n[\s\S]*secret: (\S+)/);
    const secretFile = path.join(dir, 'terminal-secret');
    expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);
    const secret = new Uint8Array(Buffer.from(fs.readFileSync(secretFile, 'utf8').trim(), 'hex'));
    const body = JSON.stringify({ appVersion: 't', pendingCount: 0, pendingMinor: 0, oldestPendingAt: null });
    const headers = signRequest(
      { terminalId: 'T07', secret },
      { method: 'POST', path: '/v1/terminals/heartbeat', body, now: new Date() },
    );
    const res = await fetch(`${url}/v1/terminals/heartbeat`, { method: 'POST', headers, body });
    expect(res.status).toBe(200);
    expect(HeartbeatSchema.parse(await res.json()).terminalStatus).toBe('active');
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });

  it('says clearly when the port is in use', async () => {
    const dir = tempDir();
    const first = runCli(['--port', '0', '--data', dir]);
    const [, port] = await waitFor(first, /listening on http:\/\/[^:]+:(\d+)/);
    try {
      const second = runCli(['--port', String(port), '--data', tempDir()]);
      let stderr = '';
      second.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      expect(await exitOf(second)).toBe(2);
      expect(stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      const exited = exitOf(first);
      first.kill('SIGTERM');
      await exited;
    }
  });
});
