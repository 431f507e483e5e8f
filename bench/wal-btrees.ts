// Which B-trees a commit wrote, read from the WAL frames it appended (https://sqlite.org/fileformat.html#the_write_ahead_log:
// a 32-byte header, then frames of a 24-byte header whose first 4 bytes are the page number, and one page).
// Each page is named by the dbstat virtual table. The sale-commit bench builds its bare-SQLite floor from this
// count, so the floor follows the schema instead of a number kept by hand.
import fs from 'node:fs';
import type { Database } from '../main/store/db';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** Page numbers of the frames in `walFile` from byte `from` to its end. */
export function pagesWritten(walFile: string, from: number, pageSize: number): number[] {
  const buf = fs.readFileSync(walFile);
  const frame = FRAME_HEADER + pageSize;
  const start = Math.max(WAL_HEADER, from);
  if ((start - WAL_HEADER) % frame !== 0) throw new Error(`offset ${from} is not on a WAL frame boundary`);
  const pages: number[] = [];
  for (let at = start; at + frame <= buf.length; at += frame) pages.push(buf.readUInt32BE(at));
  return pages;
}

/** The distinct B-trees (tables and indexes, by name) that own `pages`; pages no B-tree owns are 'freelist'. */
export function btreesOf(db: Database, pages: readonly number[]): string[] {
  const owner = db.prepare<[number], { name: string }>(`SELECT name FROM dbstat WHERE pageno = ?`);
  const names = new Set<string>();
  for (const p of new Set(pages)) names.add(owner.get(p)?.name ?? 'freelist');
  return [...names].sort();
}
