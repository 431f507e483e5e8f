// The reconciliation export bench (bench/reconcile-export.bench.ts), small: its busy day holds every class of
// difference, every other one resolved with a note (some long enough to wrap), and its matched items; a run
// exports it as CSV and PDF through the real render worker, each checked as written, beside the worker floor.
import { describe, expect, it } from 'vitest';
import { RECON_CLASSES } from '../../main/api/contract/reconciliation';
import run from '../../bench/reconcile-export.bench';
import { busyReconExportData } from '../support/recon-export-fixture';

describe('reconcile-export bench', () => {
  it('its busy day: every class of difference, every other resolved with a note, the matched items', () => {
    const { view } = busyReconExportData(28, 10);
    const differences = view.items.filter((i) => i.class !== 'matched');
    expect(new Set(differences.map((i) => i.class))).toEqual(
      new Set(RECON_CLASSES.filter((c) => c !== 'matched')),
    );
    expect(view.items.filter((i) => i.class === 'matched')).toHaveLength(10);
    const notes = differences.flatMap((i) => (i.resolution ? [i.resolution.note] : []));
    expect(notes).toHaveLength(14);
    expect(view.resolved).toBe(14);
    expect(view.open).toBe(14);
    expect(notes.some((n) => n.length > 40)).toBe(true);
  });

  it('exports it as CSV and PDF through the worker and reports each figure beside the floor', async () => {
    const report = await run({ differences: 14, matched: 4, runs: 1 });
    expect(report.rows.map((r) => r.metric)).toEqual([
      'CSV export of 14 differences + 4 matched p50 (of 1)',
      'PDF export of 14 differences + 4 matched p50 (of 1)',
      'main event loop: longest block during the CSV export',
      'main event loop: longest block during the PDF export',
      'the same PDF rendered on the main thread p50 (the block the worker spares)',
    ]);
    for (const r of report.rows) {
      expect(r.value).toBeGreaterThanOrEqual(0);
      expect(r.baseline?.value).toBeGreaterThanOrEqual(0);
    }
    expect(report.rows[1]?.pass).toBeTypeOf('boolean');
  }, 60_000);
});
