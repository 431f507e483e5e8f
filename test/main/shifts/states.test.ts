// The shift state machine: each step from the one state it needs, everything else refused with the reason.
import { describe, expect, it } from 'vitest';
import { SHIFT_STATES } from '../../../main/api/contract';
import { PosFailure } from '../../../main/api/result';
import { SHIFT_STEPS, stepFrom, type ShiftStep } from '../../../main/shifts/states';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof PosFailure) return e.code;
    throw e;
  }
  return 'ok';
};

describe('shift states', () => {
  it('allows exactly: none→open, open→open (move), open→closing (count), closing→closed (close, sign-off)', () => {
    const allowed: string[] = [];
    for (const from of [null, ...SHIFT_STATES]) {
      for (const step of Object.keys(SHIFT_STEPS) as ShiftStep[]) {
        if (codeOf(() => stepFrom('main', from, step)) === 'ok') {
          allowed.push(`${from ?? 'none'} -${step}-> ${stepFrom('main', from, step)}`);
        }
      }
    }
    expect(allowed).toEqual([
      'none -open-> open',
      'open -move-> open',
      'open -count-> closing',
      'closing -close-> closed',
      'closing -signOff-> closed',
    ]);
  });

  it('refuses an open beside a live shift as SHIFT_ALREADY_OPEN, any other wrong step as SHIFT_NOT_OPEN', () => {
    expect(codeOf(() => stepFrom('main', 'open', 'open'))).toBe('SHIFT_ALREADY_OPEN');
    expect(codeOf(() => stepFrom('main', 'closing', 'open'))).toBe('SHIFT_ALREADY_OPEN');
    expect(codeOf(() => stepFrom('main', null, 'move'))).toBe('SHIFT_NOT_OPEN');
    expect(codeOf(() => stepFrom('main', 'closing', 'count'))).toBe('SHIFT_NOT_OPEN');
    expect(codeOf(() => stepFrom('main', 'open', 'signOff'))).toBe('SHIFT_NOT_OPEN');
    expect(codeOf(() => stepFrom('main', 'closed', 'move'))).toBe('SHIFT_NOT_OPEN');
  });
});
