// The one table of ESC/POS commands the decoder knows: prefix bytes -> name + how to read the arguments.
// Interpretation of the arguments (bytes -> typed event) lives in interpret.ts, keyed by the same names.

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const LF = 0x0a;
export const CR = 0x0d;
export const HT = 0x09;
const EOT = 0x04;
const DC4 = 0x14;

const c = (ch: string): number => ch.charCodeAt(0);

/** How to find the end of a command's arguments, once its prefix has matched. */
export type ArgSpec =
  /** Exactly `count` argument bytes. */
  | { kind: 'fixed'; count: number }
  /** pL pH, then pL + pH*256 bytes (GS ( k and the other GS ( x functions). */
  | { kind: 'pLpH' }
  /** One function byte, then pL pH + data: GS ( x for functions the table does not list by name. */
  | { kind: 'fnPLpH' }
  /** m xL xH yL yH, then (xL + xH*256) * (yL + yH*256) bytes (GS v 0). */
  | { kind: 'raster' }
  /** m nL nH, then (nL + nH*256) dots * 1 byte (8-dot modes) or * 3 bytes (24-dot modes) (ESC *). */
  | { kind: 'bitImage' }
  /** m, then NUL-terminated data (m = 0..6) or n + n bytes (m = 65..73) (GS k). */
  | { kind: 'barcode' }
  /** m, then n only for the feed-and-cut forms m >= 65 (GS V). */
  | { kind: 'cut' }
  /** m t1 t2; all three are required (see readArgs for how a short one is caught). */
  | { kind: 'drawerPulse' }
  /** fn, then a count of bytes fixed by fn (DLE DC4). */
  | { kind: 'dleDc4' }
  /** Bytes up to and including a NUL, at most `max` + 1 (ESC D tab stops). */
  | { kind: 'nulTerminated'; max: number };

export interface CommandSpec {
  readonly prefix: readonly number[];
  readonly name: string;
  readonly args: ArgSpec;
}

const fixed = (count: number): ArgSpec => ({ kind: 'fixed', count });

export const COMMANDS = [
  // Single-byte controls.
  { prefix: [LF], name: 'LF', args: fixed(0) },
  { prefix: [CR], name: 'CR', args: fixed(0) },
  // ESC
  { prefix: [ESC, c('@')], name: 'ESC @', args: fixed(0) },
  { prefix: [ESC, c('a')], name: 'ESC a', args: fixed(1) },
  { prefix: [ESC, c('E')], name: 'ESC E', args: fixed(1) },
  { prefix: [ESC, c('G')], name: 'ESC G', args: fixed(1) },
  { prefix: [ESC, c('-')], name: 'ESC -', args: fixed(1) },
  { prefix: [ESC, c('!')], name: 'ESC !', args: fixed(1) },
  { prefix: [ESC, c('d')], name: 'ESC d', args: fixed(1) },
  { prefix: [ESC, c('J')], name: 'ESC J', args: fixed(1) },
  { prefix: [ESC, c('t')], name: 'ESC t', args: fixed(1) },
  { prefix: [ESC, c('p')], name: 'ESC p', args: { kind: 'drawerPulse' } },
  { prefix: [ESC, c('*')], name: 'ESC *', args: { kind: 'bitImage' } },
  { prefix: [ESC, c('2')], name: 'ESC 2', args: fixed(0) },
  { prefix: [ESC, c('3')], name: 'ESC 3', args: fixed(1) },
  { prefix: [ESC, c('M')], name: 'ESC M', args: fixed(1) },
  { prefix: [ESC, c('R')], name: 'ESC R', args: fixed(1) },
  { prefix: [ESC, c('V')], name: 'ESC V', args: fixed(1) },
  { prefix: [ESC, c('{')], name: 'ESC {', args: fixed(1) },
  { prefix: [ESC, c(' ')], name: 'ESC SP', args: fixed(1) },
  { prefix: [ESC, c('$')], name: 'ESC $', args: fixed(2) },
  { prefix: [ESC, c('\\')], name: 'ESC \\', args: fixed(2) },
  { prefix: [ESC, c('=')], name: 'ESC =', args: fixed(1) },
  { prefix: [ESC, c('D')], name: 'ESC D', args: { kind: 'nulTerminated', max: 32 } },
  { prefix: [ESC, c('c'), c('3')], name: 'ESC c 3', args: fixed(1) },
  { prefix: [ESC, c('c'), c('4')], name: 'ESC c 4', args: fixed(1) },
  { prefix: [ESC, c('c'), c('5')], name: 'ESC c 5', args: fixed(1) },
  // GS
  { prefix: [GS, c('!')], name: 'GS !', args: fixed(1) },
  { prefix: [GS, c('V')], name: 'GS V', args: { kind: 'cut' } },
  { prefix: [GS, c('k')], name: 'GS k', args: { kind: 'barcode' } },
  { prefix: [GS, c('h')], name: 'GS h', args: fixed(1) },
  { prefix: [GS, c('w')], name: 'GS w', args: fixed(1) },
  { prefix: [GS, c('H')], name: 'GS H', args: fixed(1) },
  { prefix: [GS, c('f')], name: 'GS f', args: fixed(1) },
  { prefix: [GS, c('B')], name: 'GS B', args: fixed(1) },
  { prefix: [GS, c('L')], name: 'GS L', args: fixed(2) },
  { prefix: [GS, c('W')], name: 'GS W', args: fixed(2) },
  { prefix: [GS, c('a')], name: 'GS a', args: fixed(1) },
  { prefix: [GS, c('r')], name: 'GS r', args: fixed(1) },
  { prefix: [GS, c('I')], name: 'GS I', args: fixed(1) },
  { prefix: [GS, c('/')], name: 'GS /', args: fixed(1) },
  { prefix: [GS, c('('), c('k')], name: 'GS ( k', args: { kind: 'pLpH' } },
  { prefix: [GS, c('(')], name: 'GS (', args: { kind: 'fnPLpH' } },
  { prefix: [GS, c('v'), c('0')], name: 'GS v 0', args: { kind: 'raster' } },
  // FS
  { prefix: [FS, c('&')], name: 'FS &', args: fixed(0) },
  { prefix: [FS, c('.')], name: 'FS .', args: fixed(0) },
  { prefix: [FS, c('!')], name: 'FS !', args: fixed(1) },
  { prefix: [FS, c('-')], name: 'FS -', args: fixed(1) },
  { prefix: [FS, c('C')], name: 'FS C', args: fixed(1) },
  { prefix: [FS, c('W')], name: 'FS W', args: fixed(1) },
  { prefix: [FS, c('S')], name: 'FS S', args: fixed(2) },
  { prefix: [FS, c('p')], name: 'FS p', args: fixed(2) },
  // DLE (real-time)
  { prefix: [DLE, EOT], name: 'DLE EOT', args: fixed(1) },
  { prefix: [DLE, 0x05], name: 'DLE ENQ', args: fixed(1) },
  { prefix: [DLE, DC4], name: 'DLE DC4', args: { kind: 'dleDc4' } },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMANDS)[number]['name'];

/** Bytes that introduce a multi-byte command; anything else >= 0x20 (or HT) is text. */
export const INTRODUCERS: ReadonlySet<number> = new Set([ESC, GS, FS, DLE]);

/** How many argument bytes DLE DC4 fn takes after fn (Epson: 1 pulse, 2 power-off, 3 buzzer, 7 status, 8 clear). */
export const DLE_DC4_ARGS: ReadonlyMap<number, number> = new Map([
  [1, 2],
  [2, 2],
  [3, 5],
  [7, 1],
  [8, 7],
]);
