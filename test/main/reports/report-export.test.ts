// Exports land under the data folder's exports/, whole, named per report so none overwrites another, in the
// till's language, rendered by the renderer of the format asked for.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReportExporter, exportFileName } from '../../../main/reports/report-export';
import { reportView } from '../../support/report-fixture';
import type { Locale } from '../../../main/api/contract';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a report exported', () => {
  it('is written under exports/ by the renderer of its format, in the till’s language', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-export-'));
    const seen: string[] = [];
    let locale: Locale = 'zh-CN';
    const exporter = createReportExporter({
      dataDir: dir,
      locale: () => locale,
      render: {
        csv: (r, l) => (seen.push(`csv:${l}`), `Z,${r.zNo},${l}`),
        pdf: async (r, l) => (seen.push(`pdf:${l}`), new Uint8Array([37, 80, 68, 70, r.zNo ?? 0])),
      },
    });
    const z = reportView({ zNo: 12 });
    const csv = await exporter(z, 'csv');
    expect(csv).toEqual({ path: path.join(dir, 'exports', 'Z-000012-T01.csv'), bytes: 10 });
    expect(fs.readFileSync(csv.path, 'utf8')).toBe('Z,12,zh-CN');
    locale = 'en';
    const pdf = await exporter(z, 'pdf');
    expect(pdf.path).toBe(path.join(dir, 'exports', 'Z-000012-T01.pdf'));
    expect([...fs.readFileSync(pdf.path)]).toEqual([37, 80, 68, 70, 12]);
    expect(seen).toEqual(['csv:zh-CN', 'pdf:en']);
    expect(fs.readdirSync(path.join(dir, 'exports')).sort()).toEqual([
      'Z-000012-T01.csv',
      'Z-000012-T01.pdf',
    ]);
    if (process.platform !== 'win32') expect(fs.statSync(pdf.path).mode & 0o777).toBe(0o600);
  });

  it('names an X by when it was taken, so two X reports never overwrite each other', () => {
    const x = reportView({ kind: 'x', zNo: null, takenAt: '2026-12-06T10:15:00.123Z' });
    expect(exportFileName(x, 'pdf')).toBe('X-T01-20261206T101500Z.pdf');
    expect(exportFileName({ ...x, takenAt: '2026-12-06T10:16:00.000Z' }, 'pdf')).not.toBe(
      exportFileName(x, 'pdf'),
    );
  });
});
