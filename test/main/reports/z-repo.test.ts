// A Z stored before the hourly sales, the reconciled days and the voids per cashier existed reads back as it
// was taken (no hours, no reconciled days, no voids per cashier) with its stored body and hashes untouched,
// so it and the chain through it still verify; a Z taken now carries the new figures in its hashed body.
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../main/audit/canonical-json';
import { verifyJournal } from '../../../main/audit/journal';
import { computeReport } from '../../../main/reports/compute-report';
import { chainHash, sha256, verifyZChain, Z_GENESIS } from '../../../main/reports/z-chain';
import { createZRepo } from '../../../main/reports/z-repo';
import type { Database } from '../../../main/store/db';
import { migrations } from '../../../main/store/migrations/index';
import { reportView } from '../../support/report-fixture';
import { migratedTo } from '../../support/migrations';

let db: Database | null = null;
afterEach(() => db?.close());

/** A body as report.z wrote it before issue 14's figures. */
function oldBody(): Record<string, unknown> {
  const { chain: _c, hourly: _h, reconciledDays: _r, cashiers, ...rest } = reportView({ zNo: 1, dayNo: 1 });
  return { ...rest, cashiers: cashiers.map(({ voids: _v, lineVoids: _l, ...c }) => c) };
}

function storeZ(d: Database, zNo: number, body: string, prev: string): string {
  const bodySha256 = sha256(body);
  const chainSha256 = chainHash(prev, bodySha256);
  d.prepare(
    `INSERT INTO z_reports (z_no, day_no, terminal_id, opened_at, closed_at, training, body, body_sha256,
      prev_sha256, chain_sha256, journal_seq, closed_by) VALUES (?, ?, 'T01', 'a', 'b', 0, ?, ?, ?, ?, 0, NULL)`,
  ).run(zNo, zNo, body, bodySha256, prev, chainSha256);
  return chainSha256;
}

describe('stored Z reports', () => {
  it('reads a Z from before the new figures without them, and it still verifies', async () => {
    db = await migratedTo(migrations.length);
    const body = canonicalJson(oldBody());
    const head = storeZ(db, 1, body, Z_GENESIS);
    const z = createZRepo(db).get(1);
    expect(z?.hourly).toEqual([]);
    expect(z?.reconciledDays).toEqual([]);
    expect(z?.cashiers.map((c) => [c.code, c.voids, c.lineVoids])).toEqual([
      ['C01', 0, 0],
      ['C02', 0, 0],
    ]);
    expect(z?.counts.voids).toBe(4); // the day's own count, as it was stored
    expect(db.prepare('SELECT body FROM z_reports WHERE z_no = 1').pluck().get()).toBe(body);
    // a Z with the new figures chained after it: both verify
    const now = computeReport(db, {
      ...{ kind: 'z', zNo: 2, terminalId: 'T01', storeName: 'S', currency: 'CNY', training: false },
      ...{ takenAt: 't', takenBy: null, timeZone: 'Asia/Shanghai' },
    }).report;
    const { chain: _c, ...figures } = now;
    const newBody = canonicalJson(figures);
    expect(JSON.parse(newBody)).toMatchObject({ hourly: [], reconciledDays: [] });
    storeZ(db, 2, newBody, head);
    expect(verifyZChain(db)).toMatchObject({ ok: true, count: 2 });
    expect(verifyJournal(db)).toMatchObject({ ok: true });
  });
});
