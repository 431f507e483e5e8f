// Where a job may be cut for the status checks between its chunks: only between two commands, or between two
// characters of a text run. A status request (DLE EOT) sent inside another command's data is read by the
// printer as that data (Epson: "do not use this command within the data sequence of another command"): in a
// raster image it becomes pixels, the printer never answers, and the job stops as "offline". A single command
// larger than a chunk (a raster band of up to 255 rows) goes out whole; the transport splits it into
// transfers of its own.
import { decodeEscPos } from '../escpos/decoder';

/** Character starts in a text run, read as GB18030 (lead byte 0x81-0xFE; 4 bytes when a digit follows): a
 * single-byte code page only gets fewer cut points this way, never a wrong one. */
function characterStarts(bytes: Uint8Array, from: number, to: number, into: number[]): void {
  for (let i = from; i < to;) {
    into.push(i);
    const b = bytes[i] as number;
    if (b < 0x81 || b > 0xfe) i += 1;
    else {
      const next = bytes[i + 1] ?? 0;
      i += next >= 0x30 && next <= 0x39 ? 4 : 2;
    }
  }
}

/** Offsets at which a status request may be sent between two parts of the job. */
export function safeCuts(bytes: Uint8Array): number[] {
  const events = decodeEscPos(bytes);
  const cuts: number[] = [];
  events.forEach((e, i) => {
    const end = events[i + 1]?.offset ?? bytes.length;
    if (e.type === 'text') characterStarts(bytes, e.offset, end, cuts);
    else cuts.push(e.offset);
  });
  return cuts.filter((o) => o > 0 && o < bytes.length);
}

/** `bytes` split at safe cuts into chunks of at most `chunkSize`, unless one command alone is larger. */
export function jobChunks(bytes: Uint8Array, chunkSize: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let from = 0;
  let safe = 0;
  for (const cut of [...safeCuts(bytes), bytes.length]) {
    if (cut - from > chunkSize && safe > from) {
      chunks.push(bytes.subarray(from, safe));
      from = safe;
    }
    safe = cut;
  }
  if (from < bytes.length) chunks.push(bytes.subarray(from));
  return chunks;
}
