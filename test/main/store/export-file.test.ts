// An exported file appears whole or not at all, owner-only, under the data folder's exports/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeExportFile } from '../../../main/store/export-file';

let dir = '';
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('writeExportFile', () => {
  it('writes under exports/ with mode 0600 and replaces an older file of the same name', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-export-file-'));
    const first = await writeExportFile(dir, 'a.csv', new Uint8Array([1, 2, 3]));
    expect(first).toEqual({ path: path.join(dir, 'exports', 'a.csv'), bytes: 3 });
    await writeExportFile(dir, 'a.csv', new Uint8Array([4, 5]));
    expect([...fs.readFileSync(first.path)]).toEqual([4, 5]);
    expect(fs.readdirSync(path.join(dir, 'exports'))).toEqual(['a.csv']);
    if (process.platform !== 'win32') expect(fs.statSync(first.path).mode & 0o777).toBe(0o600);
  });

  it('a write that fails part-way leaves the previous file as it was', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-export-file-'));
    const { path: file } = await writeExportFile(dir, 'a.pdf', new Uint8Array([1]));
    const fsp = await import('node:fs/promises');
    vi.spyOn(fsp.default, 'rename').mockRejectedValueOnce(new Error('disk full'));
    await expect(writeExportFile(dir, 'a.pdf', new Uint8Array([9, 9]))).rejects.toThrow('disk full');
    expect([...fs.readFileSync(file)]).toEqual([1]);
  });
});
