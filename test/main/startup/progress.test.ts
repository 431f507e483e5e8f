// The start-up progress state both shells show: the backup before an update, as a percent on a static page.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILURE_PAGE_CSP } from '../../../main/startup/failure-page';
import {
  onPercentChange,
  percentOf,
  renderStartupProgressPage,
  type StartupProgress,
} from '../../../main/startup/progress';
import { openStore } from '../../../main/store/open-store';
import { tempDir } from '../store/fixtures';

const at = (done: number, total: number): StartupProgress => ({ step: 'backup', done, total });

describe('start-up progress', () => {
  it('is a whole percent, 0 while the total is unknown, never over 100', () => {
    expect(percentOf(at(0, 0))).toBe(0);
    expect(percentOf(at(1, 3))).toBe(33);
    expect(percentOf(at(2, 3))).toBe(66);
    expect(percentOf(at(3, 3))).toBe(100);
    expect(percentOf(at(9, 3))).toBe(100);
  });

  it('is passed on only when the percent changes', () => {
    const shown: number[] = [];
    const relay = onPercentChange((p) => shown.push(percentOf(p)));
    for (const done of [0, 1, 2, 500, 501, 999, 1000]) relay(at(done, 1000));
    expect(shown).toEqual([0, 50, 99, 100]);
  });

  it('renders a bilingual static page with the percent, no script, and (web) a self-reload', () => {
    const html = renderStartupProgressPage(at(42, 100));
    expect(html).toContain('正在备份数据，然后更新');
    expect(html).toContain('Backing up before an update');
    expect(html).toContain('<progress max="100" value="42">');
    expect(html).toContain('data-percent="42"');
    expect(html).toContain(FAILURE_PAGE_CSP);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('http-equiv="refresh"');
    expect(renderStartupProgressPage(at(1, 2), { refreshSeconds: 1 })).toContain(
      '<meta http-equiv="refresh" content="1">',
    );
  });

  it('openStore reports the backup before a migration as it runs, up to 100 %', async () => {
    const dataDir = tempDir();
    const log = (): void => undefined;
    const now = (): Date => new Date('2025-01-02T03:04:05.678Z');
    const v1 = { version: 1, name: 'one', sql: 'CREATE TABLE a (x BLOB);' };
    const v2 = { version: 2, name: 'two', sql: 'CREATE TABLE b (y);' };
    const first = await openStore({ dataDir, now, log, migrations: [v1] });
    first.db.exec(
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO a SELECT randomblob(1000) FROM n',
    );
    first.db.close();
    const seen: StartupProgress[] = [];
    const store = await openStore({
      dataDir,
      now,
      log,
      migrations: [v1, v2],
      onProgress: (p) => seen.push(p),
    });
    store.db.close();
    expect(store.migration.backupFile).toBe(
      path.join(dataDir, 'backups', 'pos-v1-20250102T030405678Z.sqlite'),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.step === 'backup')).toBe(true);
    expect(percentOf(seen.at(-1) as StartupProgress)).toBe(100);
  });
});
