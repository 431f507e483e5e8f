// The work signal (main/store/work-signal.ts): queued work wakes the workers after the answer has gone back.
import { describe, expect, it } from 'vitest';
import { createWorkSignal } from '../../../main/store/work-signal';

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('work signal', () => {
  it('wakes every worker on the next turn, in the order they subscribed', async () => {
    const signal = createWorkSignal();
    const woken: string[] = [];
    signal.subscribe(() => woken.push('printer'));
    signal.subscribe(() => woken.push('sync'));
    signal.queued();
    expect(woken).toEqual([]); // not inside the call that queued: its answer goes first
    await nextTurn();
    expect(woken).toEqual(['printer', 'sync']);
  });

  it('after(): wakes once the answer is there, and not for a failure', async () => {
    const signal = createWorkSignal();
    let wakes = 0;
    signal.subscribe(() => wakes++);
    expect(await signal.after(Promise.resolve('sale'))).toBe('sale');
    await nextTurn();
    expect(wakes).toBe(1);
    await expect(signal.after(Promise.reject(new Error('declined')))).rejects.toThrow('declined');
    await nextTurn();
    expect(wakes).toBe(1);
  });
});
