// ISO/IEC 7811-2 longitudinal redundancy check: XOR of the data bits of every character from the start
// sentinel to the end sentinel inclusive (parity bits excluded). Readers strip parity, and the few that type
// the LRC as a key type it in the track's own character set: 6-bit ALPHA offset 0x20 on track 1,
// 4-bit BCD offset 0x30 on track 2/3.

export type TrackKind = 1 | 2;

const CODING: Readonly<Record<TrackKind, { offset: number; mask: number }>> = {
  1: { offset: 0x20, mask: 0x3f },
  2: { offset: 0x30, mask: 0x0f },
};

/** The LRC character for `track` (start sentinel .. end sentinel inclusive). */
export function lrcChar(kind: TrackKind, track: string): string {
  const { offset, mask } = CODING[kind];
  let x = 0;
  for (let i = 0; i < track.length; i++) x ^= (track.charCodeAt(i) - offset) & mask;
  return String.fromCharCode(offset + x);
}
