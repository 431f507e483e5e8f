// "No sale" drawer opens: the journal entry and the drawer job commit together, or not at all.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../../main/audit/journal';
import { createNoSaleDrawer } from '../../../../main/printing/drawer/no-sale';
import { createEmulatedPrinterPort } from '../../../../main/printing/queue/emulated-printer';
import type { Approver } from '../../../../main/staff/approvals';
import type { Shop } from '../queue/fixtures';
import { cleanupDirs, drain, openShop } from '../queue/fixtures';

const shops: Shop[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.close();
  cleanupDirs();
});

const manager: Approver = {
  operatorId: 'op-1',
  code: '01',
  name: '王店长',
  role: 'manager',
  permission: 'drawer.noSale',
  signedIn: null,
};

describe('no-sale drawer open', () => {
  it('journals the reason and queues one drawer job that sends ESC p with all five bytes', async () => {
    const s = await openShop({ printer: { drawer: { pin: 5, t1: 40, t2: 200 } } });
    shops.push(s);
    let woken = 0;
    const open = createNoSaleDrawer({ db: s.db, now: s.clock.now, onQueued: () => woken++ });
    const { jobId } = open('float check', manager);
    expect(woken).toBe(1);
    expect(s.allJobs()).toMatchObject([{ id: jobId, kind: 'drawer', saleId: null, state: 'queued' }]);
    const entry = s.db.prepare(`SELECT at, ref, body FROM journal WHERE kind = 'drawer.no-sale'`).get();
    expect(entry).toEqual({
      at: s.clock.now().toISOString(),
      ref: String(jobId),
      body: JSON.stringify({
        approvedBy: { code: '01', name: '王店长', operatorId: 'op-1' },
        jobId,
        reason: 'float check',
      }),
    });
    expect(verifyJournal(s.db)).toMatchObject({ ok: true, entries: 1 });

    const port = createEmulatedPrinterPort(); // its drawer is wired to pin 2: a pin-5 pulse is recorded only
    const sent: Uint8Array[] = [];
    const print = port.print;
    await drain(s, s.worker({ health: port.health, print: (b) => (sent.push(b), print(b)) }));
    expect(sent).toEqual([new Uint8Array([0x1b, 0x70, 0x01, 40, 200])]);
    expect(port.printer.pulses).toMatchObject([{ pin: 5, onMs: 80, offMs: 400 }]);
    expect(port.printer.problems).toEqual([]);
  });

  it('a failure writing the journal leaves no drawer job', async () => {
    const s = await openShop();
    shops.push(s);
    s.db.exec(`CREATE TEMP TRIGGER no_journal BEFORE INSERT ON main.journal
      BEGIN SELECT RAISE(ABORT, 'journal unavailable'); END`);
    const open = createNoSaleDrawer({ db: s.db, now: s.clock.now });
    expect(() => open('change', manager)).toThrow(/journal unavailable/);
    expect(s.allJobs()).toEqual([]);
  });

  it('refuses an approval given for another permission, and queues nothing', async () => {
    const s = await openShop();
    shops.push(s);
    const open = createNoSaleDrawer({ db: s.db, now: s.clock.now });
    expect(() => open('change', { ...manager, permission: 'receipt.reprintAny' })).toThrow(/drawer.noSale/);
    expect(s.allJobs()).toEqual([]);
  });
});
