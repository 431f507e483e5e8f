// The few words main and an import's worker share while it runs (a SharedArrayBuffer in the job's input): main
// sets STOP to cancel, checked by the worker between records and between write transactions; the worker sets
// PHASE before it reports the first written rows, so main labels each progress report without another message.
export const STOP = 0;
export const PHASE = 1;
export const PHASE_CHECKING = 0;
export const PHASE_WRITING = 1;

export type ImportControl = Int32Array<SharedArrayBuffer>;

export function createImportControl(): ImportControl {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

export const controlOf = (buffer: SharedArrayBuffer): ImportControl => new Int32Array(buffer);
export const stopRequested = (c: ImportControl): boolean => Atomics.load(c, STOP) === 1;
export const requestStop = (c: ImportControl): void => void Atomics.store(c, STOP, 1);
export const phaseOf = (c: ImportControl): 'checking' | 'writing' =>
  Atomics.load(c, PHASE) === PHASE_WRITING ? 'writing' : 'checking';
export const enterWriting = (c: ImportControl): void => void Atomics.store(c, PHASE, PHASE_WRITING);
