// Shifts through the real host: a float counted by denomination, cash movements with reasons (approval over
// the threshold), the blind close whose expected figure comes from the shift's own cash sales, change, cash
// refunds and movements, the variance's sign-off, one live shift per drawer, and every step journaled.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CASH_LIMITS } from '../../../main/shifts/cash-limits';
import {
  FLOAT,
  FLOAT_MINOR,
  MANAGER,
  call,
  cashRefund,
  cashSale,
  failure,
  openShift,
  openTill,
} from './fixtures';

/** 482.00 in notes and coins: 4 × 100, 1 × 50, 1 × 20, 2 × 5, 2 × 1 coin. */
const COUNT_48200 = { 'note-10000': 4, 'note-5000': 1, 'note-2000': 1, 'note-500': 2, 'coin-100': 2 };

describe('opening a shift', () => {
  it('counts the float by denomination and journals it; the expected figure is not shown while open', async () => {
    const { host, journal } = await openTill();
    expect(await call(host, 'shift.current', {})).toBeNull();
    const s = await openShift(host);
    expect(s).toMatchObject({
      drawerId: 'main',
      state: 'open',
      currency: 'CNY',
      floatMinor: FLOAT_MINOR,
      close: null,
    });
    expect(s.floatCounts).toEqual({
      'note-10000': 3,
      'note-5000': 3,
      'note-2000': 2,
      'note-1000': 1,
      'note-500': 0,
      'note-100': 0,
      'coin-100': 0,
      'coin-50': 0,
      'coin-10': 0,
    });
    expect(await call(host, 'shift.current', {})).toEqual(s);
    expect(journal('shift.opened')).toEqual([
      { drawerId: 'main', currency: 'CNY', floatCounts: s.floatCounts, floatMinor: FLOAT_MINOR },
    ]);
  });

  it('allows one live shift per drawer; another drawer has its own', async () => {
    const { host } = await openTill();
    await openShift(host);
    expect(await failure(host, 'shift.open', { floatCounts: FLOAT })).toEqual({
      code: 'SHIFT_ALREADY_OPEN',
      detail: { drawerId: 'main', state: 'open' },
    });
    const other = await call(host, 'shift.open', { drawerId: 'back', floatCounts: { 'coin-10': 3 } });
    expect(other).toMatchObject({ drawerId: 'back', floatMinor: 30 });
  });

  it('refuses an unknown denomination or a count out of range, writing nothing', async () => {
    const { host, journal } = await openTill();
    expect((await failure(host, 'shift.open', { floatCounts: { 'note-20000': 1 } })).code).toBe(
      'COUNT_INVALID',
    );
    expect((await failure(host, 'shift.open', { floatCounts: { 'coin-10': -1 } })).code).toBe(
      'INVALID_PAYLOAD',
    );
    expect(await call(host, 'shift.current', {})).toBeNull();
    expect(journal('shift.opened')).toEqual([]);
  });

  it('needs a cash.movement approval for a float over the threshold, and names the approver', async () => {
    const { host, journal } = await openTill();
    const big = { ...FLOAT, 'coin-10': 1 }; // 500.10
    expect(await failure(host, 'shift.open', { floatCounts: big })).toEqual({
      code: 'APPROVAL_REQUIRED',
      detail: { permission: 'cash.movement', limitMinor: DEFAULT_CASH_LIMITS.movementApprovalMinor },
    });
    await call(host, 'shift.open', { floatCounts: big, approval: MANAGER });
    expect(journal('shift.opened')[0]).toMatchObject({ floatMinor: 50_010, approvedBy: { code: '900' } });
  });
});

describe('cash movements', () => {
  it('records paid-in, paid-out and drops with reasons; over the threshold only with an approval', async () => {
    const { host, journal } = await openTill();
    expect((await failure(host, 'shift.move', { kind: 'paid_in', amountMinor: 100, reason: 'x' })).code).toBe(
      'SHIFT_NOT_OPEN',
    );
    await openShift(host);
    await call(host, 'shift.move', { kind: 'paid_in', amountMinor: 2_000, reason: 'change from the bank' });
    const over = { kind: 'drop', amountMinor: 50_001, reason: 'to the safe' } as const;
    expect(await failure(host, 'shift.move', over)).toMatchObject({ code: 'APPROVAL_REQUIRED' });
    expect(
      (await failure(host, 'shift.move', { ...over, approval: { operatorCode: '900', pin: '9999' } })).code,
    ).toBe('APPROVAL_DENIED');
    const s = await call(host, 'shift.move', { ...over, approval: MANAGER });
    expect(s.movements.map((m) => [m.kind, m.amountMinor, m.reason, m.approvedBy !== null])).toEqual([
      ['paid_in', 2_000, 'change from the bank', false],
      ['drop', 50_001, 'to the safe', true],
    ]);
    expect(journal('shift.cash-moved')).toMatchObject([
      { kind: 'paid_in', amountMinor: 2_000, reason: 'change from the bank' },
      { kind: 'drop', amountMinor: 50_001, approvedBy: { code: '900' } },
    ]);
    expect(journal('shift.cash-moved')[0]).not.toHaveProperty('approvedBy');
  });
});

describe('the blind close', () => {
  it('expects float + cash received − change − cash refunds + paid-in − paid-out − drops, of this shift only', async () => {
    const till = await openTill();
    const { host } = till;
    await cashSale(host, 5_000); // before the shift: not in its window
    till.tick();
    await openShift(host);
    till.tick();
    const a = await cashSale(host, 5_000); // 5.00 paid with 50.00: 45.00 change
    const b = await cashSale(host, 2_050); // paid with 20.50: 15.50 change
    expect([a.totals.totalMinor, b.totals.totalMinor]).toEqual([500, 500]);
    const refunded = await cashRefund(host, b);
    expect(refunded).toBe(500);
    await call(host, 'shift.move', { kind: 'paid_in', amountMinor: 1_000, reason: 'coins' });
    await call(host, 'shift.move', { kind: 'paid_out', amountMinor: 350, reason: 'window cleaner' });
    await call(host, 'shift.move', { kind: 'drop', amountMinor: 20_000, reason: 'safe' });
    till.tick();
    const expected = {
      floatMinor: 50_000,
      cashReceivedMinor: 7_050,
      changeGivenMinor: 6_050,
      cashRefundsMinor: 500,
      paidInMinor: 1_000,
      paidOutMinor: 350,
      dropsMinor: 20_000,
      expectedMinor: 31_150, // 500.00 + 70.50 − 60.50 − 5.00 + 10.00 − 3.50 − 200.00
    };
    const closed = await call(host, 'shift.close', { counts: COUNT_48200 });
    expect(closed.close).toMatchObject({
      countedMinor: 48_200,
      expected,
      varianceMinor: 48_200 - 31_150,
    });
  });

  it('within the threshold closes at once; the journal has the count and the close', async () => {
    const till = await openTill();
    await openShift(till.host);
    const s = await call(till.host, 'shift.close', { counts: { ...FLOAT, 'note-500': 2 } }); // 10.00 over
    expect(s.state).toBe('closed');
    expect(s.close).toMatchObject({
      countedMinor: 51_000,
      varianceMinor: 1_000,
      needsSignOff: false,
      signOff: null,
    });
    expect(s.close?.closedAt).not.toBeNull();
    expect(await call(till.host, 'shift.current', {})).toBeNull();
    expect(till.journal('shift.counted')).toMatchObject([
      { countedMinor: 51_000, varianceMinor: 1_000, needsSignOff: false },
    ]);
    expect(till.journal('shift.closed')).toEqual([{ drawerId: 'main', varianceMinor: 1_000, signOff: null }]);
    expect((await failure(till.host, 'shift.close', { counts: FLOAT })).code).toBe('SHIFT_NOT_OPEN');
    await openShift(till.host); // the drawer is free again
  });

  it('over the threshold waits for a manager’s sign-off with a note; nothing else moves meanwhile', async () => {
    const till = await openTill();
    const { host } = till;
    await openShift(host);
    const s = await call(host, 'shift.close', { counts: { ...FLOAT, 'note-1000': 0 } }); // 10.00 short: at the limit
    expect(s.state).toBe('closed');
    await openShift(host);
    const over = await call(host, 'shift.close', { counts: { ...FLOAT, 'note-2000': 1, 'note-1000': 0 } }); // 30.00 short
    expect(over.state).toBe('closing');
    expect(over.close).toMatchObject({ varianceMinor: -3_000, needsSignOff: true, closedAt: null });
    expect(await call(host, 'shift.current', {})).toEqual(over);
    const refused = await failure(host, 'shift.move', { kind: 'paid_in', amountMinor: 1, reason: 'x' });
    expect(refused).toEqual({
      code: 'SHIFT_NOT_OPEN',
      detail: { drawerId: 'main', state: 'closing', step: 'move' },
    });
    expect((await failure(host, 'shift.close', { counts: FLOAT })).code).toBe('SHIFT_NOT_OPEN');
    expect((await failure(host, 'shift.open', { floatCounts: FLOAT })).code).toBe('SHIFT_ALREADY_OPEN');
    const signed = await call(host, 'shift.signOff', {
      note: 'counted twice; a 20 note missing',
      approval: MANAGER,
    });
    expect(signed).toMatchObject({
      state: 'closed',
      close: { needsSignOff: false, signOff: { note: 'counted twice; a 20 note missing' } },
    });
    expect(till.journal('shift.closed').at(-1)).toMatchObject({
      varianceMinor: -3_000,
      signOff: { note: 'counted twice; a 20 note missing', approvedBy: { code: '900' } },
    });
    expect((await failure(host, 'shift.signOff', { note: 'again', approval: MANAGER })).code).toBe(
      'SHIFT_NOT_OPEN',
    );
  });

  it('a sign-off needs cash.varianceSignOff: a supervisor may approve movements but not a variance', async () => {
    const { host } = await openTill();
    await call(host, 'staff.add', {
      code: '21',
      name: '主管',
      role: 'supervisor',
      pin: '2580',
      approval: MANAGER,
    });
    const sup = { operatorCode: '21', pin: '2580' };
    await openShift(host);
    await call(host, 'shift.move', { kind: 'drop', amountMinor: 60_000, reason: 'safe', approval: sup });
    await call(host, 'shift.close', { counts: {} });
    expect((await failure(host, 'shift.signOff', { note: 'n', approval: sup })).code).toBe('APPROVAL_DENIED');
    expect((await call(host, 'shift.signOff', { note: 'n', approval: MANAGER })).state).toBe('closed');
  });
});
