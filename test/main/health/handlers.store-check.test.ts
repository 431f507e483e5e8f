// `store.check` through the host, as the manager's screen calls it: approval first, the checks in worker
// threads, the verdict on the status bar, and kept across a restart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { valueOf } from '../../support/result';
import { createHost } from '../../../main/host';
import type { Host } from '../../../main/host-types';

const hosts: Host[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-check-'));
  dirs.push(d);
  return d;
};
async function host(dataDir: string): Promise<Host> {
  const h = await createHost({ dataDir, log: () => undefined });
  hosts.push(h);
  return h;
}
const MANAGER = { operatorCode: '900', pin: '1234' }; // training mode's demo manager

describe('store.check', () => {
  it('needs a manager: a wrong PIN is refused and nothing runs', async () => {
    const h = await host(tempDir());
    const r = await h.dispatch('store.check', { approval: { operatorCode: '900', pin: '0000' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'APPROVAL_DENIED' } });
    const status = valueOf(await h.dispatch('status.get', {}));
    expect(status.storage.detail).toMatch(/^not checked yet/);
  });

  it('runs integrity_check and the full journal walk, journals who asked, and shows the verdict', async () => {
    const dataDir = tempDir();
    const h = await host(dataDir);
    const r = valueOf(await h.dispatch('store.check', { approval: MANAGER }));
    expect(r.database).toMatchObject({ mode: 'integrity', ok: true, problems: [] });
    expect(r.journal).toMatchObject({ ok: true, brokenAt: null });
    const status = valueOf(await h.dispatch('status.get', {}));
    expect(status.storage.state).toBe('ok');
    expect(status.storage.detail).toMatch(/^checked \d{4}-\d\d-\d\d \d\d:\d\d \(integrity_check\)/);
    await h.close();
    const db = new BetterSqlite3(path.join(dataDir, 'pos.sqlite'), { readonly: true });
    const asked = db.prepare(`SELECT body FROM journal WHERE kind = 'store.check-requested'`).get() as {
      body: string;
    };
    db.close();
    expect(JSON.parse(asked.body)).toMatchObject({ mode: 'integrity', approvedBy: { code: '900' } });
  });

  it('store.backup: a manager backs the store up into backups/, journalled; a wrong PIN does not', async () => {
    const dataDir = tempDir();
    const h = await host(dataDir);
    const refused = await h.dispatch('store.backup', { approval: { operatorCode: '900', pin: '0000' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'APPROVAL_DENIED' } });
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
    const r = valueOf(await h.dispatch('store.backup', { approval: MANAGER }));
    expect(path.dirname(r.file)).toBe(path.join(dataDir, 'backups'));
    expect(r.bytes).toBe(fs.statSync(r.file).size);
    const copy = new BetterSqlite3(r.file, { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    copy.close();
    await h.close();
    const db = new BetterSqlite3(path.join(dataDir, 'pos.sqlite'), { readonly: true });
    const entry = db.prepare(`SELECT body FROM journal WHERE kind = 'store.backup'`).get() as {
      body: string;
    };
    db.close();
    expect(JSON.parse(entry.body)).toMatchObject({
      file: path.basename(r.file),
      approvedBy: { code: '900' },
    });
  });

  it('an edit before the checkpoint passes start-up, is found by the full walk, and stays shown after a restart', async () => {
    const dataDir = tempDir();
    const wrongPin = { approval: { operatorCode: '900', pin: '0000' } };
    const first = await host(dataDir);
    await first.dispatch('store.check', wrongPin); // each refusal is journalled: entries 1 and 2
    await first.dispatch('store.check', wrongPin);
    await first.close();
    await (await host(dataDir)).close(); // this start verifies 1..2 and sets the checkpoint at 2
    const edit = new BetterSqlite3(path.join(dataDir, 'pos.sqlite'));
    edit.exec('DROP TRIGGER IF EXISTS journal_no_update');
    edit.prepare(`UPDATE journal SET body = '{"edited":true}' WHERE seq = 1`).run();
    expect(edit.prepare(`SELECT value FROM counters WHERE name = 'journal.verified'`).get()).toEqual({
      value: 2,
    });
    edit.close();

    const third = await host(dataDir);
    const atStart = valueOf(await third.dispatch('status.get', {}));
    expect(atStart.storage.state).toBe('ok'); // start-up walks only what follows the checkpoint
    const r = valueOf(await third.dispatch('store.check', { mode: 'quick', approval: MANAGER }));
    expect(r.journal).toMatchObject({ ok: false, brokenAt: 1 });
    await third.close();

    const fourth = await host(dataDir);
    const status = valueOf(await fourth.dispatch('status.get', {}));
    expect(status.storage.state).toBe('error');
    expect(status.storage.detail).toMatch(/full journal walk .*: broken at entry 1: entry 1 was altered/);
    expect((await fourth.dispatch('cart.get', {})).ok).toBe(true); // selling goes on
  });
});
