import { describe, expect, it } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import {
  FAILURE_PAGE_CSP,
  STARTUP_FAILURE_CODES,
  renderStartupFailurePage,
  toDataUrl,
  toStartupFailure,
} from '../../../main/startup/failure-page';
import { failureWindowOptions } from '../../../main/electron/window';

const DATA_DIR = '/home/till/.config/CounterPOS/data';
const DB = `${DATA_DIR}/pos.db`;

describe('startup failure mapping', () => {
  it('keeps the StartupFailure codes and the file from a PosFailure', () => {
    for (const code of STARTUP_FAILURE_CODES) {
      const failure = toStartupFailure(new PosFailure(code as never, `cannot open (${code})`, { file: DB }));
      expect(failure).toEqual({ code, message: `cannot open (${code})`, file: DB });
    }
    expect(STARTUP_FAILURE_CODES).toEqual([
      'STORAGE_BUSY',
      'STORAGE_CORRUPT',
      'STORAGE_TOO_NEW',
      'CONFIG_CORRUPT',
      'CONFIG_MISSING',
      'STORAGE_FULL',
      'TRAINING_WITH_GATEWAY',
      'TRAINING_ON_LIVE_STORE',
      'TRAINING_STORE_NOT_LEFT',
    ]);
  });

  it('reports anything else as INTERNAL, without a file unless one was given', () => {
    expect(toStartupFailure(new Error('EACCES: permission denied'))).toEqual({
      code: 'INTERNAL',
      message: 'EACCES: permission denied',
      file: null,
    });
    expect(toStartupFailure(new PosFailure('INVALID_PAYLOAD', 'x'))).toMatchObject({ code: 'INTERNAL' });
    expect(toStartupFailure('weird')).toEqual({ code: 'INTERNAL', message: 'weird', file: null });
    expect(toStartupFailure({ code: 'STORAGE_FULL', message: 'full', file: '/x/pos.db' })).toEqual({
      code: 'STORAGE_FULL',
      message: 'full',
      file: '/x/pos.db',
    });
  });
});

describe('startup failure page', () => {
  const page = (code: (typeof STARTUP_FAILURE_CODES)[number] | 'INTERNAL', file: string | null = DB) =>
    renderStartupFailurePage({ code, message: `technical ${code}`, file }, { dataDir: DATA_DIR });

  it('is bilingual and says what happened, which file, that nothing was deleted, and what to do', () => {
    for (const code of [...STARTUP_FAILURE_CODES, 'INTERNAL' as const]) {
      const html = page(code);
      expect(html, code).toContain('<html lang="zh-CN">');
      expect(html, code).toContain('<span lang="en">');
      expect(html, code).toContain('发生了什么');
      expect(html, code).toContain('What happened');
      expect(html, code).toContain('怎么办');
      expect(html, code).toContain('What to do');
      expect(html, code).toContain('没有删除或修改任何数据');
      expect(html, code).toContain('Nothing was deleted or changed');
      expect(html, code).toContain(`<code>${DB}</code>`);
      expect(html, code).toContain(`<code>${DATA_DIR}</code>`);
      expect(html, code).toContain(`data-failure-code="${code}"`);
      expect(html, code).toContain(`technical ${code}`);
    }
  });

  it('gives specific advice per failure', () => {
    expect(page('STORAGE_BUSY')).toContain('in use by another program');
    expect(page('STORAGE_CORRUPT')).toContain('damaged');
    expect(page('STORAGE_TOO_NEW')).toContain('newer version');
    expect(page('CONFIG_CORRUPT')).toContain('configuration file');
    expect(page('STORAGE_FULL')).toContain('disk is full');
    expect(page('STORAGE_FULL')).toContain('磁盘空间已满');
  });

  it('never tells the cashier to delete the data', () => {
    for (const code of [...STARTUP_FAILURE_CODES, 'INTERNAL' as const]) {
      const html = page(code);
      expect(html).not.toMatch(/删除(数据库|该文件)后|delete the (database|data file) and/i);
    }
    expect(page('STORAGE_CORRUPT')).toContain('Do not delete');
  });

  it('escapes the path and message, and allows no script', () => {
    const html = renderStartupFailurePage(
      {
        code: 'STORAGE_CORRUPT',
        message: '<script>alert(1)</script>',
        file: 'C:\\POS\\<img src=x onerror=alert(1)>.db',
      },
      { dataDir: 'C:\\POS' },
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain(`content="${FAILURE_PAGE_CSP}"`);
    expect(FAILURE_PAGE_CSP).toContain("default-src 'none'");
    expect(FAILURE_PAGE_CSP).not.toContain('script-src');
  });

  it('omits the file row when no file is known but still shows the data folder', () => {
    const html = page('INTERNAL', null);
    expect(html).not.toContain('File concerned');
    expect(html).toContain(`<code>${DATA_DIR}</code>`);
  });

  it('loads as a UTF-8 data: URL in a window without preload or JavaScript', () => {
    const html = page('STORAGE_BUSY');
    const url = toDataUrl(html);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(html);
    const options = failureWindowOptions();
    expect(options.webPreferences.javascript).toBe(false);
    expect(options.webPreferences.preload).toBeUndefined();
    expect(options.webPreferences.sandbox).toBe(true);
    expect(options.webPreferences.contextIsolation).toBe(true);
  });
});
