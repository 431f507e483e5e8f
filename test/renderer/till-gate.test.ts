// The till's answer to main's gate: SIGN_IN_REQUIRED opens the sign-in dialog, SHIFT_REQUIRED the prompt that
// leads to the Shift screen; every other refusal is a toast only. The same need twice asks twice.
import { describe, expect, it } from 'vitest';
import type { PosApi } from '@contract/contract';
import type { ErrorCode, PosError } from '@contract/result';
import { gateModal, tillNeed } from '../../renderer/src/app/till-gate';
import { createActions } from '../../renderer/src/app/actions';
import { initialSession, sessionReducer, type SessionAction } from '../../renderer/src/app/session';

const refusal = (code: ErrorCode): PosError => ({ code, message: code });

describe('the till gate in the renderer', () => {
  it('maps the gate codes to the dialog that answers them, and nothing else', () => {
    expect(tillNeed(refusal('SIGN_IN_REQUIRED'))).toBe('signIn');
    expect(tillNeed(refusal('SHIFT_REQUIRED'))).toBe('shift');
    expect(tillNeed(refusal('SHIFT_NOT_OPEN'))).toBeNull();
    expect(tillNeed(refusal('BARCODE_UNKNOWN'))).toBeNull();
    expect(gateModal('signIn')).toEqual({ kind: 'signIn' });
    expect(gateModal('shift')).toEqual({ kind: 'shiftRequired' });
  });

  it('a refused scan or tender raises the need; asking again bumps it so the dialog opens again', async () => {
    let answer = refusal('SHIFT_REQUIRED');
    const pos = {
      cart: { scan: () => Promise.resolve({ ok: false, error: answer }) },
      sale: { tenderCash: () => Promise.resolve({ ok: false, error: answer }) },
    } as unknown as PosApi;
    const sent: SessionAction[] = [];
    const actions = createActions(pos, (a) => sent.push(a));
    expect(await actions.scan('6901234567892')).toBe('failed');
    answer = refusal('SIGN_IN_REQUIRED');
    await actions.tender({ cartId: 'c', cartVersion: 1, tenderedMinor: 100 });
    answer = refusal('BARCODE_UNKNOWN');
    await actions.scan('123');
    expect(sent.filter((a) => a.type === 'gate')).toEqual([
      { type: 'gate', need: 'shift' },
      { type: 'gate', need: 'signIn' },
    ]);
    // the refusal is still said in words (a toast) besides
    expect(sent.filter((a) => a.type === 'toast')).toHaveLength(3);

    const once = sessionReducer(initialSession, { type: 'gate', need: 'shift' });
    const twice = sessionReducer(once, { type: 'gate', need: 'shift' });
    expect(once.gate).toEqual({ need: 'shift', seq: 1 });
    expect(twice.gate).toEqual({ need: 'shift', seq: 2 });
    expect(twice.gate).not.toBe(once.gate);
  });
});
