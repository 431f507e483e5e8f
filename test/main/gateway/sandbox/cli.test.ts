// The standalone CLI: starts on a free port, prints its URL and secret file, answers a signed call, and
// closes cleanly on SIGTERM; refuses a port in use with a clear message.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGatewayClient } from '../../../../main/gateway/client';
import { HeartbeatSchema } from '../../../../main/gateway/protocol/schemas';
import { generateSandboxCertificate } from '../../../../main/gateway/sandbox/tls';
import { certificateSha256 } from '../../../../main/gateway/tls-pin';
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

  it('--tls: serves HTTPS with its own self-signed certificate; a till pinned to it connects, one pinned to another is refused', async () => {
    const dir = tempDir();
    const child = runCli(['--port', '0', '--data', dir, '--tls']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [line = ''] = await waitFor(child, /^\{"event":"ready".*\}$/m);
    const ready = JSON.parse(line) as {
      url: string;
      secretFile: string;
      certFile: string;
      certSha256: string;
    };
    expect(ready.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.certFile).toBe(path.join(dir, 'tls-cert.pem'));
    const certPem = fs.readFileSync(ready.certFile, 'utf8');
    expect(ready.certSha256).toBe(certificateSha256(certPem));
    expect(fs.statSync(path.join(dir, 'tls-key.pem')).mode & 0o777).toBe(0o600);
    const secret = new Uint8Array(Buffer.from(fs.readFileSync(ready.secretFile, 'utf8').trim(), 'hex'));
    const connect = (caPem: string, certSha256?: string) =>
      createGatewayClient({
        baseUrl: ready.url,
        credentials: { terminalId: 'T01', secret },
        now: () => new Date(),
        tls: { caPem, source: 'pinned.pem', certSha256 },
      });
    try {
      const pinned = connect(certPem, ready.certSha256);
      expect((await pinned.ping()).kind).toBe('ok');
      const beat = { appVersion: 't', pendingCount: 0, pendingMinor: 0, oldestPendingAt: null };
      expect(await pinned.heartbeat(beat)).toMatchObject({ kind: 'ok', value: { terminalStatus: 'active' } });
      pinned.close();
      const stranger = connect((await generateSandboxCertificate()).certPem);
      expect(await stranger.ping()).toEqual({
        kind: 'unreachable',
        reason: expect.stringMatching(/does not chain to the pinned certificate pinned\.pem/) as unknown,
      });
      stranger.close();
      const wrongPrint = connect(certPem, 'ab'.repeat(32));
      expect(await wrongPrint.ping()).toMatchObject({
        kind: 'unreachable',
        reason: expect.stringMatching(/not the pinned one/) as unknown,
      });
      wrongPrint.close();
    } finally {
      const exited = exitOf(child);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(stderr).toBe('');
    // A restart keeps the certificate: a till that pinned it still trusts the sandbox.
    const again = runCli(['--port', '0', '--data', dir, '--tls']);
    const [line2 = ''] = await waitFor(again, /^\{"event":"ready".*\}$/m);
    expect((JSON.parse(line2) as { certSha256: string }).certSha256).toBe(ready.certSha256);
    const stopped = exitOf(again);
    again.kill('SIGTERM');
    await stopped;
  });
});
