// The journal entries of one kind in a data folder's store, their bodies parsed: what an action wrote about
// itself (who approved it, what it did), read on a connection of the test's own.
import path from 'node:path';
import { openDatabase } from '../../main/store/db';
import { STORE_FILE } from '../../main/store/files';

export function journalBodies(dataDir: string, kind: string): Record<string, unknown>[] {
  const db = openDatabase(path.join(dataDir, STORE_FILE));
  try {
    const rows = db.prepare('SELECT body FROM journal WHERE kind = ? ORDER BY seq').all(kind) as {
      body: string;
    }[];
    return rows.map((r) => JSON.parse(r.body) as Record<string, unknown>);
  } finally {
    db.close();
  }
}
