// `npm run web` writes its log to <dataDir>/logs (JSON lines, shell "web", 0600) and prints where.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logDir } from '../../../main/store/files';
import { ensureRendererBuilt, startWebHostProcess } from '../../support/web-till';
import { cleanup, tempDir } from '../../support/temp-host';

describe('the web host log file', () => {
  afterAll(cleanup);

  it('a started and stopped web host leaves its JSON log lines in <dataDir>/logs, 0600, and names that folder on stdout', async () => {
    ensureRendererBuilt();
    const dataDir = tempDir();
    const web = await startWebHostProcess(dataDir, ['--training']);
    let stdout = '';
    web.child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    expect(web.failure).toBe(false);
    const dir = logDir(dataDir);
    // The human lines follow the machine-readable ready line: wait for the one naming the log folder.
    for (let i = 0; i < 100 && !(web.output() + stdout).includes(`Logs: ${dir}`); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(web.output() + stdout).toContain(`Logs: ${dir}`);
    await web.kill('SIGTERM');
    const files = fs.readdirSync(dir);
    expect(files).toEqual(['counterpos.1.log']);
    const lines = fs
      .readFileSync(path.join(dir, files[0] ?? ''), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines)
      expect(l).toMatchObject({ shell: 'web', level: expect.any(String), msg: expect.any(String) });
    if (process.platform !== 'win32')
      expect(fs.statSync(path.join(dir, files[0] ?? '')).mode & 0o777).toBe(0o600);
  }, 60_000);
});
