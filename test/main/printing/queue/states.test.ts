import { describe, expect, it } from 'vitest';
import {
  PRINT_JOB_TRANSITIONS,
  assertPrintJobTransition,
  isFinal,
} from '../../../../main/printing/queue/states';
import type { PrintJobState } from '../../../../main/printing/queue/states';

describe('print job state machine', () => {
  it('printed and cancelled are final; every other state can be cancelled by a manager', () => {
    const states = Object.keys(PRINT_JOB_TRANSITIONS) as PrintJobState[];
    expect(states.filter(isFinal).sort()).toEqual(['cancelled', 'printed']);
    for (const s of states.filter((x) => !isFinal(x)))
      expect(PRINT_JOB_TRANSITIONS[s]).toContain('cancelled');
  });

  it('a job reaches the printer only through printing, and retries go back through queued', () => {
    expect(() => assertPrintJobTransition('queued', 'printed')).toThrow();
    expect(() => assertPrintJobTransition('waiting', 'printing')).toThrow();
    expect(() => assertPrintJobTransition('interrupted', 'printing')).toThrow();
    expect(() => assertPrintJobTransition('printed', 'queued')).toThrow();
    expect(() => assertPrintJobTransition('printing', 'printed')).not.toThrow();
    expect(() => assertPrintJobTransition('interrupted', 'queued')).not.toThrow();
  });
});
