// A day's reconciliation exported: under exports/ as recon-<day>-<terminal>.<format>, rendered in the till's
// language from the day's view (each item with its resolution), through the real renderer in a worker thread (as the host
// does); a day with nothing reconciled is refused, and nothing is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../../main/api/contract';
import { createReconExporter, reconExportName } from '../../../main/reconciliation/recon-export';
import { runJob } from '../../../main/workers/run-job';
import { reconExportData } from '../../support/recon-export-fixture';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a day’s reconciliation exported', () => {
  it('is written whole under exports/, in the till’s language, rendered in a worker', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-recon-export-'));
    const data = reconExportData();
    let locale: Locale = 'zh-CN';
    const empty = { ...data.view, day: '2026-12-04', imports: [], items: [] };
    const exporter = createReconExporter({
      ...{ dataDir: dir, locale: () => locale, timeZone: 'Asia/Shanghai' },
      till: { storeName: data.storeName, terminalId: 'T01', currency: 'CNY', training: false },
      view: (day) => (day === data.view.day ? data.view : { ...empty, day }),
      render: (input) => runJob('recon.render', input),
    });
    const csv = await exporter('2026-12-05', 'csv');
    expect(csv.path).toBe(path.join(dir, 'exports', 'recon-2026-12-05-T01.csv'));
    const text = fs.readFileSync(csv.path, 'utf8');
    expect(csv.bytes).toBe(Buffer.byteLength(text));
    expect(text).toContain('已线上退款');
    expect(text).toContain("'=已退款给顾客");
    locale = 'en';
    const pdf = await exporter('2026-12-05', 'pdf');
    expect(fs.readFileSync(pdf.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(fs.readdirSync(path.join(dir, 'exports')).sort()).toEqual([
      'recon-2026-12-05-T01.csv',
      'recon-2026-12-05-T01.pdf',
    ]);
    if (process.platform !== 'win32') expect(fs.statSync(pdf.path).mode & 0o777).toBe(0o600);

    await expect(exporter('2026-12-04', 'csv')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      detail: { day: '2026-12-04' },
    });
    expect(fs.readdirSync(path.join(dir, 'exports'))).toHaveLength(2);
  });

  it('names the file by day and terminal, a terminal id never escaping the folder', () => {
    expect(reconExportName('2026-12-05', 'T01', 'pdf')).toBe('recon-2026-12-05-T01.pdf');
    expect(reconExportName('2026-12-05', '../x', 'csv')).toBe('recon-2026-12-05-___x.csv');
  });
});
