// pino-roll ships no types: the part of its API main/ipc/file-log.ts uses (README of pino-roll 4).
declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom';
  import type { SonicBoomOpts } from 'sonic-boom';

  interface PinoRollOptions extends Omit<SonicBoomOpts, 'dest' | 'fd'> {
    /** the path without number and extension: `<dir>/counterpos` gives counterpos.1.log, counterpos.2.log … */
    readonly file: string;
    /** roll when the file reaches this size: '2000b', '5k', '5m' (a bare number is megabytes) */
    readonly size?: number | string;
    readonly extension?: string;
    readonly limit?: { readonly count: number; readonly removeOtherLogFiles?: boolean };
  }

  /** `file`: the file written now (it changes at each roll); `destroyed`: closed. Both set by sonic-boom. */
  export default function pinoRoll(
    options: PinoRollOptions,
  ): Promise<SonicBoom & { readonly file: string; readonly destroyed: boolean }>;
}
