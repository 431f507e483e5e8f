// A shift's state is its row's: a till stopped between steps resumes where it was, and a step whose journal
// entry cannot be written (a crash inside the commit, made here by a trigger on the journal) leaves no trace
// of itself at all — neither the row's change nor a half of its record.
import { describe, expect, it } from 'vitest';
import { FLOAT, MANAGER, call, cashSale, failure, openShift, openTill } from './fixtures';

const SHORT_30 = { ...FLOAT, 'note-2000': 1, 'note-1000': 0 }; // 470.00 of 500.00

describe('shifts across a restart', () => {
  it('an open shift, and one counted awaiting sign-off, are found again after the till restarts', async () => {
    const first = await openTill();
    await openShift(first.host);
    await call(first.host, 'shift.move', { kind: 'paid_out', amountMinor: 500, reason: 'milk' });
    await first.host.close();

    const second = await openTill({ dataDir: first.dataDir });
    const open = await call(second.host, 'shift.current', {});
    expect(open).toMatchObject({
      state: 'open',
      floatMinor: 50_000,
      movements: [{ kind: 'paid_out', amountMinor: 500 }],
    });
    const counted = await call(second.host, 'shift.close', { counts: SHORT_30 });
    expect(counted.close).toMatchObject({ varianceMinor: -2_500, needsSignOff: true });
    await second.host.close();

    const third = await openTill({ dataDir: first.dataDir });
    expect(await call(third.host, 'shift.current', {})).toEqual(counted);
    expect((await call(third.host, 'shift.signOff', { note: 'ok', approval: MANAGER })).state).toBe('closed');
    expect(third.journal('shift.closed')).toHaveLength(1);
  });

  it('a close whose journal entry fails leaves the shift open, uncounted, and closes cleanly on retry', async () => {
    const till = await openTill();
    await openShift(till.host);
    await cashSale(till.host, 500);
    const db = till.raw();
    db.exec(`CREATE TRIGGER crash BEFORE INSERT ON journal WHEN NEW.kind = 'shift.closed'
             BEGIN SELECT RAISE(ABORT, 'power cut'); END`);
    expect((await failure(till.host, 'shift.close', { counts: { ...FLOAT, 'note-500': 1 } })).code).toBe(
      'INTERNAL',
    );
    expect(await call(till.host, 'shift.current', {})).toMatchObject({ state: 'open', close: null });
    expect(till.journal('shift.counted')).toEqual([]);
    db.exec('DROP TRIGGER crash');
    const s = await call(till.host, 'shift.close', { counts: { ...FLOAT, 'note-500': 1 } });
    expect(s).toMatchObject({ state: 'closed', close: { varianceMinor: 0 } });
    expect(till.journal('shift.counted')).toHaveLength(1);
  });
});
