// A shell's log: what nobody caught is written to the log file. An uncaught exception: logged, flushed, exit
// code 1 (a real child process shows it); an unhandled rejection: logged, the process goes on.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CRASH_EXIT_CODE, installCrashLogging, type CrashProcess } from '../../../main/startup/shell-log';
import { cleanup, tempDir } from '../../support/temp-host';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

class FakeProcess implements CrashProcess {
  readonly handlers = new Map<string, ((...a: never[]) => void)[]>();
  readonly exit = vi.fn();
  on(event: string, listener: (...a: never[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
    return this;
  }
  off(event: string, listener: (...a: never[]) => void): this {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const l of this.handlers.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  }
}

const readLogs = (dataDir: string): string =>
  fs
    .readdirSync(path.join(dataDir, 'logs'))
    .map((f) => fs.readFileSync(path.join(dataDir, 'logs', f), 'utf8'))
    .join('');

describe('installCrashLogging', () => {
  it('an uncaught exception is logged, flushed, then the process exits 1', () => {
    const proc = new FakeProcess();
    const order: string[] = [];
    installCrashLogging(
      proc,
      (level, message) => order.push(`${level}:${message}`),
      () => order.push('flush'),
    );
    proc.exit.mockImplementation(() => order.push('exit'));
    proc.fire('uncaughtException', new Error('boom'), 'uncaughtException');
    expect(order).toEqual(['error:uncaught exception: exiting', 'flush', 'exit']);
    expect(proc.exit).toHaveBeenCalledWith(CRASH_EXIT_CODE);
  });

  it('an unhandled rejection is logged and the process goes on; uninstalling removes both', () => {
    const proc = new FakeProcess();
    const lines: unknown[] = [];
    const off = installCrashLogging(
      proc,
      (...a) => lines.push(a),
      () => undefined,
    );
    proc.fire('unhandledRejection', new Error('lost'));
    expect(lines).toEqual([['error', 'unhandled promise rejection', { reason: expect.any(Error) }]]);
    expect(proc.exit).not.toHaveBeenCalled();
    off();
    expect([...proc.handlers.values()].flat()).toEqual([]);
  });
});

describe('a shell process that crashes', () => {
  afterAll(cleanup);

  it('writes the uncaught exception (redacted) and the earlier rejection to the log file, and exits 1', () => {
    const dataDir = tempDir();
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/crashing-shell.ts'), dataDir],
      { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 },
    );
    expect(r.status, r.stderr).toBe(CRASH_EXIT_CODE);
    const log = readLogs(dataDir);
    expect(log).toContain('"msg":"unhandled promise rejection"');
    expect(log).toContain('"msg":"uncaught exception: exiting"');
    expect(log).toContain('card [redacted] in a crash');
    expect(log).not.toContain('4761739001010010');
    expect(r.stdout).toContain('after the rejection');
  });
});
