// The print job lifecycle, in one place (persisted in print_jobs.state). The worker commits 'printing' BEFORE
// the bytes go out, so a crash at any point leaves a state that says what may have reached the paper:
//
//   queued --health ready--> printing --all bytes accepted--> printed
//   queued --printer not ready (paper out, cover open, offline)--> waiting --retry--> queued
//   printing --failed after some bytes went out / found at start-up--> interrupted --retry (as a COPY)--> queued
//   printing --failed before any byte went out--> waiting           (nothing reached the paper: not a copy)
//   any non-final --manager (or an unprintable job)--> cancelled
import { PosFailure } from '../../api/result';

export type PrintJobState = 'queued' | 'printing' | 'printed' | 'interrupted' | 'waiting' | 'cancelled';
export type PrintJobKind = 'receipt' | 'drawer' | 'refund' | 'report';

export const PRINT_JOB_TRANSITIONS: Readonly<Record<PrintJobState, readonly PrintJobState[]>> = {
  queued: ['printing', 'waiting', 'cancelled'],
  printing: ['printed', 'interrupted', 'waiting', 'cancelled'],
  waiting: ['queued', 'cancelled'],
  interrupted: ['queued', 'cancelled'],
  printed: [],
  cancelled: [],
};

/** States the worker still has to act on. */
export const OPEN_STATES: readonly PrintJobState[] = ['queued', 'printing', 'waiting', 'interrupted'];

export const isFinal = (s: PrintJobState): boolean => PRINT_JOB_TRANSITIONS[s].length === 0;

export function assertPrintJobTransition(from: PrintJobState, to: PrintJobState): void {
  if (!PRINT_JOB_TRANSITIONS[from].includes(to)) {
    throw new PosFailure('INTERNAL', `Print job cannot go from ${from} to ${to}`);
  }
}
