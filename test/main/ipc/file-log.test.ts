// The log file: JSON lines in <dataDir>/logs, rotated by size with a bounded number of files, owner-only,
// redacted at the sink whatever the caller passed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOG_BASE_NAME, openFileLog } from '../../../main/ipc/file-log';
import { logDir } from '../../../main/store/files';
import { cleanup, tempDir } from '../../support/temp-host';

const readLines = (dir: string): Record<string, unknown>[] =>
  fs
    .readdirSync(dir)
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('openFileLog', () => {
  afterAll(cleanup);

  it('writes one JSON object a line under <dataDir>/logs, with level, time, shell and the fields', async () => {
    const dataDir = tempDir();
    const fileLog = await openFileLog({ dataDir, shell: 'test' });
    expect(fileLog.dir).toBe(logDir(dataDir));
    expect(fileLog.dir).toBe(path.join(dataDir, 'logs'));
    fileLog.log('info', 'sale committed', { saleId: 's1', totalMinor: 350 });
    fileLog.log('error', 'printer offline', { printer: 'tcp' });
    await fileLog.close();
    const lines = readLines(fileLog.dir);
    expect(lines).toMatchObject([
      { level: 'info', msg: 'sale committed', saleId: 's1', totalMinor: 350, shell: 'test' },
      { level: 'error', msg: 'printer offline', printer: 'tcp' },
    ]);
    expect(typeof lines[0]?.['time']).toBe('string');
    expect(fs.readdirSync(fileLog.dir)).toEqual([`${LOG_BASE_NAME}.1.log`]);
  });

  it('redacts at the sink: card numbers and tracks in any string, secret fields by name at any depth', async () => {
    const dataDir = tempDir();
    const fileLog = await openFileLog({ dataDir, shell: 'test' });
    fileLog.log('warn', 'swipe 4761739001010010 failed', {
      tracks: '%B4761739001010010^TEST/VISA^3012?',
      nested: {
        pinBlock: '1B9C1845EB993A7A',
        note: 'card 4761-7390-0101-0010',
        list: [';4761739001010010=3012?'],
      },
      terminalSecret: 'abcdef',
      headers: { Authorization: 'Bearer xyz' },
      error: new Error('bad PAN 6250941006528599'),
    });
    await fileLog.close();
    const text = fs.readFileSync(path.join(fileLog.dir, `${LOG_BASE_NAME}.1.log`), 'utf8');
    for (const secret of [
      '4761739001010010',
      '4761-7390',
      '6250941006528599',
      '1B9C1845',
      'abcdef',
      'xyz',
      'TEST/VISA',
    ])
      expect(text, secret).not.toContain(secret);
    expect(text).toContain('[redacted]');
    expect(text).toContain('swipe [redacted] failed');
  });

  it('rolls by size and keeps a bounded number of files, each 0600 in a 0700 folder', async () => {
    const dataDir = tempDir();
    const fileLog = await openFileLog({ dataDir, shell: 'test', maxBytes: 2_000, maxFiles: 3 });
    for (let i = 0; i < 200; i++) {
      fileLog.log('info', 'line', { i, pad: 'x'.repeat(100) });
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 5)); // let each roll happen
    }
    await new Promise((r) => setTimeout(r, 50));
    await fileLog.close();
    const files = fs.readdirSync(fileLog.dir);
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3);
    for (const f of files) expect(f).toMatch(new RegExp(`^${LOG_BASE_NAME}\\.\\d+\\.log$`));
    // The newest lines survive; the oldest files went.
    const is = readLines(fileLog.dir).map((l) => l['i']);
    expect(is).toContain(199);
    expect(is).not.toContain(0);
    if (process.platform !== 'win32') {
      expect(fs.statSync(fileLog.dir).mode & 0o777).toBe(0o700);
      for (const f of files) expect(fs.statSync(path.join(fileLog.dir, f)).mode & 0o777, f).toBe(0o600);
    }
  });
});
