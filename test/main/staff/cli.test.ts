// The owner's command line for operators: the PIN comes from stdin (never argv), the operator then approves in
// the app, and bad input adds nothing.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../main/host';
import { repoRoot, tempDir } from '../store/fixtures';

function staff(dataDir: string, args: string[], stdin = ''): { status: number | null; out: string } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'main/staff/cli.ts', ...args, '--data', dataDir],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      input: stdin,
    },
  );
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('npm run staff', () => {
  it('adds a manager whose PIN then approves a no-sale in the app; list shows them', async () => {
    const dataDir = tempDir();
    const added = staff(
      dataDir,
      ['add', '--code', '01', '--name', '王店长', '--role', 'manager'],
      '482157\n',
    );
    expect(added).toMatchObject({ status: 0, out: expect.stringContaining('Added manager 01') as unknown });
    expect(staff(dataDir, ['list']).out).toMatch(/^01\tmanager\tactive\t王店长$/m);

    const host = await createHost({ dataDir, log: () => undefined });
    try {
      const ok = await host.dispatch('drawer.open', {
        reason: 'float',
        approval: { operatorCode: '01', pin: '482157' },
      });
      expect(ok.ok).toBe(true);
    } finally {
      await host.close();
    }
  });

  it('refuses a short or trivial PIN or a taken code with a clear message, and a missing role with the usage', () => {
    const dataDir = tempDir();
    expect(
      staff(dataDir, ['add', '--code', '01', '--name', 'A', '--role', 'manager'], '4821\n'),
    ).toMatchObject({ status: 1, out: expect.stringContaining('too short for the role') as unknown });
    expect(
      staff(dataDir, ['add', '--code', '01', '--name', 'A', '--role', 'manager'], '123456'),
    ).toMatchObject({ status: 1, out: expect.stringContaining('counts up or down') as unknown });
    expect(staff(dataDir, ['add', '--code', '01', '--name', 'A', '--role', 'manager'], '730295').status).toBe(
      0,
    );
    expect(staff(dataDir, ['add', '--code', '01', '--name', 'B', '--role', 'cashier'], '5829')).toMatchObject(
      {
        status: 1,
        out: expect.stringContaining('code 01 is taken') as unknown,
      },
    );
    expect(staff(dataDir, ['add', '--code', '02', '--name', 'B'], '5678')).toMatchObject({
      status: 2,
      out: expect.stringContaining('usage') as unknown,
    });
    expect(staff(dataDir, ['list']).out.trim().split('\n')).toHaveLength(1);
  });
});
