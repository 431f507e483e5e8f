import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettlementFile, scanSettlementFile } from '../../../../main/reconciliation/formats/read';
import type { SettlementRow } from '../../../../main/reconciliation/settlement-row';
import { fixture, fixtureLines, refusal, tempDir, writeLines } from '../../../support/settlement-files';

const dir = tempDir();

describe('reading a settlement file in a named layout', () => {
  it('scan hands each row over as it is read and resolves with the same summary as read', async () => {
    const seen: SettlementRow[] = [];
    const summary = await scanSettlementFile(fixture('wechat-bill-2026-12-05.csv'), 'wechat', (r) =>
      seen.push(r),
    );
    const whole = await readSettlementFile(fixture('wechat-bill-2026-12-05.csv'), 'wechat');
    expect(seen).toEqual(whole.rows);
    expect(summary).toEqual(whole.summary);
  });

  it('read resolves with nothing when the refusal comes after every row (the summary disagrees)', async () => {
    const lines = fixtureLines('wechat-bill-2026-12-05.csv');
    const bad = writeLines(dir, 'late.csv', [...lines.slice(0, 6), (lines[6] ?? '').replace('`4,', '`3,')]);
    let resolved: unknown = null;
    const detail = await refusal(readSettlementFile(bad, 'wechat').then((v) => (resolved = v)));
    expect(detail).toMatchObject({ line: 7, reason: 'summary' });
    expect(resolved).toBeNull();
  });

  it('each layout read as another is refused at line 1', async () => {
    const files = {
      wechat: fixture('wechat-bill-2026-12-05.csv'),
      alipay: fixture('alipay-detail-2026-12-05.csv'),
      'gateway-csv': fixture('gateway-settlement-2026-12-05.csv'),
      'gateway-json': fixture('gateway-settlement-2026-12-05.json'),
    } as const;
    for (const format of Object.keys(files) as (keyof typeof files)[]) {
      for (const [other, file] of Object.entries(files)) {
        if (other === format) continue;
        const detail = await refusal(readSettlementFile(file, format));
        expect(detail['line'], `${other} read as ${format}`).toBe(1);
      }
    }
  });

  it('a missing file is an error of the file system, not a refusal of its contents', async () => {
    await expect(readSettlementFile(path.join(dir, 'none.csv'), 'wechat')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    await expect(readSettlementFile(path.join(dir, 'none.csv'), 'alipay')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
