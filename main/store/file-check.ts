// Looks at the database file with plain read-only fs calls before SQLite is allowed near it, so an obviously
// wrong file is refused without opening it, and a write-ahead log is never discarded behind our back.
import fs from 'node:fs';
import { PosFailure } from '../api/result';

export type OnDisk = 'absent' | 'empty' | 'database';

const HEADER_BYTES = 100;
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function sizeOf(file: string): number | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return null;
  if (!stat.isFile()) throw new PosFailure('INTERNAL', `the database path is not a regular file`, { file });
  return stat.size;
}

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    const n = fs.readSync(fd, buf, 0, HEADER_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Why the 100-byte SQLite header is unusable (https://sqlite.org/fileformat.html#the_database_header), or null. */
export function headerProblem(header: Buffer): string | null {
  if (header.length < HEADER_BYTES) return 'the file is shorter than a database header';
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return 'the file is not a SQLite database';
  const pageSize = header.readUInt16BE(16);
  const validPageSize =
    pageSize === 1 || (pageSize >= 512 && pageSize <= 32768 && (pageSize & (pageSize - 1)) === 0);
  if (!validPageSize) return `the header has an impossible page size (${pageSize})`;
  const [write, read] = [header[18], header[19]];
  if ((write !== 1 && write !== 2) || (read !== 1 && read !== 2))
    return 'the header has an unknown file format';
  // Fixed by the file format: max/min embedded payload fraction and leaf payload fraction.
  if (header[21] !== 64 || header[22] !== 32 || header[23] !== 32) return 'the header is damaged';
  return null;
}

/**
 * What is on disk at `file`: nothing, an empty file (SQLite treats both as a new database), or something
 * whose header says it is a database. Throws STORAGE_CORRUPT (without touching anything) otherwise.
 */
export function checkFileOnDisk(file: string): OnDisk {
  const size = sizeOf(file);
  if (size === null || size === 0) {
    // SQLite deletes the -wal of an empty main file on open: committed sales could be in that log.
    const walSize = sizeOf(`${file}-wal`);
    if (walSize !== null && walSize > 0) {
      throw new PosFailure(
        'STORAGE_CORRUPT',
        'the database file is missing or empty but its write-ahead log is not; refusing to open it',
        { file, wal: `${file}-wal` },
      );
    }
    return size === null ? 'absent' : 'empty';
  }
  const problem = headerProblem(readHeader(file));
  if (problem !== null) throw new PosFailure('STORAGE_CORRUPT', problem, { file });
  return 'database';
}
