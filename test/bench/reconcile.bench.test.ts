// The reconcile bench's day (bench/reconcile.bench.ts), small: payments made through large-store.ts
// addPaymentDay are the till's side of the bench's day, and the settlement built from them reconciles to
// exactly the differences it was built with (what the bench checks on every timed run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY, expectedClasses, FROM, settlementOf, TIME_ZONE } from '../../bench/reconcile.bench';
import { addPaymentDay, generateLargeStore } from '../../bench/support/large-store';
import { createReconciliation } from '../../main/reconciliation/reconcile-day';
import { openStore } from '../../main/store/open-store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('reconcile bench day', () => {
  it('a settlement built from the payments reconciles to the differences it was built with', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-recon-bench-test-'));
    dirs.push(dataDir);
    await generateLargeStore({ dataDir, sales: 0 });
    const payments = await addPaymentDay({ dataDir, payments: 40, from: FROM, hours: 11 });
    expect(payments).toHaveLength(40);
    expect(new Set(payments.map((p) => p.kind))).toEqual(new Set(['card', 'qr']));
    expect(payments.every((p) => p.at.startsWith('2031-03-14') && p.gatewayId.length > 0)).toBe(true);

    const { db } = await openStore({ dataDir, now: () => new Date(), log: () => undefined });
    try {
      let n = 0;
      const recon = createReconciliation({
        ...{ db, now: () => new Date(), timeZone: TIME_ZONE, training: false },
        newId: () => `t-${++n}`,
      });
      const rows = settlementOf(payments);
      recon.importRows({ day: DAY, source: 'gateway', fileName: null, sha256: 'x', rows, importedBy: null });
      const got = new Map<string, number>();
      for (const i of recon.reconcile(DAY).items) got.set(i.class, (got.get(i.class) ?? 0) + 1);
      expect(got).toEqual(new Map(expectedClasses(40)));
      expect(got.get('matched')).toBe(38);
    } finally {
      db.close();
    }
  });
});
