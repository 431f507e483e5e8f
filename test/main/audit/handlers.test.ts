// journal.verify through the host, as the manager's screen calls it: approval first, journalled, the walk in a
// worker thread with progress events while the till keeps answering, and the first break told in full.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalVerifyProgress } from '../../../main/api/contract/journal';
import { appendJournal } from '../../../main/audit/journal';
import { createHost } from '../../../main/host';
import type { Host } from '../../../main/host-types';
import { roleMay } from '../../../main/staff/permissions';
import { openDatabase } from '../../../main/store/db';
import { valueOf } from '../../support/result';
import { tamperJournal } from '../store/fixtures';

const hosts: Host[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
async function host(): Promise<{ h: Host; file: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-journal-'));
  dirs.push(dataDir);
  const h = await createHost({ dataDir, log: () => undefined });
  hosts.push(h);
  return { h, file: path.join(dataDir, 'pos.sqlite') };
}
const MANAGER = { operatorCode: '900', pin: '1234' }; // training mode's demo manager

/** `n` sales appended on a second connection, as if the till had sold them. */
function sales(file: string, n: number): void {
  const db = openDatabase(file);
  try {
    db.transaction(() => {
      for (let i = 1; i <= n; i++) {
        const body = { receiptNo: `T01-${String(i).padStart(6, '0')}`, totalMinor: 3500 };
        appendJournal(db, { at: '2026-03-04T10:00:00.000Z', kind: 'sale.completed', ref: `s${i}`, body });
      }
    })();
  } finally {
    db.close();
  }
}

describe('journal.verify', () => {
  it('is a supervisor’s permission and above, not a cashier’s', () => {
    expect(roleMay('cashier', 'journal.verify')).toBe(false);
    for (const role of ['supervisor', 'manager', 'owner'] as const)
      expect(roleMay(role, 'journal.verify')).toBe(true);
  });

  it('refuses a wrong PIN and journals nothing of it but the refusal', async () => {
    const { h } = await host();
    const r = await h.dispatch('journal.verify', { approval: { operatorCode: '900', pin: '0000' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'APPROVAL_DENIED' } });
  });

  it('walks in a worker with progress while the till answers, and reports the chain intact', async () => {
    const { h, file } = await host();
    sales(file, 25_000);
    const ticks: JournalVerifyProgress[] = [];
    h.subscribe((event, payload) => {
      if (event === 'journalVerify') ticks.push(payload as JournalVerifyProgress);
    });
    let walked = false;
    const walk = h.dispatch('journal.verify', { approval: MANAGER }).finally(() => (walked = true));
    // The main thread is free while the worker walks: a cashier's call is answered before the walk ends.
    valueOf(await h.dispatch('cart.get', {}));
    expect(walked).toBe(false);
    const report = valueOf(await walk);
    expect(report).toMatchObject({ ok: true, first: { seq: 1 } });
    expect(report.ok && report.entries).toBeGreaterThan(25_000);
    expect(ticks[0]).toEqual({ done: 0, total: 0 });
    expect(ticks.slice(1).map((t) => t.done)).toEqual([10_000, 20_000]);
    const asked = openDatabase(file, { readonly: true });
    const row = asked.prepare(`SELECT body FROM journal WHERE kind = 'journal.verify-requested'`).get() as {
      body: string;
    };
    asked.close();
    expect(JSON.parse(row.body)).toMatchObject({ approvedBy: { code: '900' } });
  });

  it('reports the first break: the entry, its time and what it covered', async () => {
    const { h, file } = await host();
    sales(file, 20);
    const db = openDatabase(file, { readonly: true });
    const { seq } = db.prepare(`SELECT seq FROM journal WHERE ref = 's7'`).get() as { seq: number };
    db.close();
    tamperJournal(
      file,
      `UPDATE journal SET body = '{"receiptNo":"T01-000007","totalMinor":100}' WHERE seq = ?`,
      seq,
    );
    expect(valueOf(await h.dispatch('journal.verify', { approval: MANAGER }))).toMatchObject({
      ok: false,
      seq,
      cause: 'hash',
      at: '2026-03-04T10:00:00.000Z',
      kind: 'sale.completed',
      ref: 's7',
      covered: 'sale.completed T01-000007, total 1.00',
    });
  });
});
