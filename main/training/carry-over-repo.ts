// Step 2 of leaving training (go-live.ts): in the new live store, in one transaction, the staff and the shop's
// own catalog from the archived training store, the journal entry naming the approver and the archive, and
// the store marked live. Demo goods (ids 'demo-…', main/catalog/demo.ts) and every sale stay in the archive.
import { appendJournal } from '../audit/journal';
import type { Database } from '../store/db';
import type { GoLiveRequest } from './go-live';
import { markStoreMode, readStoreMode } from './store-mode';

export interface CarriedOver {
  readonly operators: number;
  readonly products: number;
}

/** Carries over from `request.archive`; a store already live (this step done before a crash) is left alone. */
export function carryOverFromTraining(db: Database, request: GoLiveRequest, now: Date): CarriedOver | null {
  if (readStoreMode(db) === 'live') return null;
  const archive = request.archive;
  db.prepare('ATTACH DATABASE ? AS training').run(archive?.file ?? ':memory:');
  try {
    return db
      .transaction((): CarriedOver => {
        const carried = archive ? copyFromArchive(db) : { operators: 0, products: 0 };
        appendJournal(db, {
          at: now.toISOString(),
          kind: 'training.left',
          ref: null,
          body: { approvedBy: request.approvedBy, requestedAt: request.requestedAt, archive, carried },
        });
        markStoreMode(db, 'live');
        return carried;
      })
      .immediate();
  } finally {
    db.prepare('DETACH DATABASE training').run();
  }
}

function copyFromArchive(db: Database): CarriedOver {
  // Same app version on both sides (the archive was open in it a moment ago), so the columns match.
  const operators = db.prepare('INSERT INTO main.operators SELECT * FROM training.operators').run().changes;
  db.prepare('INSERT OR IGNORE INTO main.tax_categories SELECT * FROM training.tax_categories').run();
  const products = db
    .prepare(`INSERT INTO main.products SELECT * FROM training.products WHERE id NOT LIKE 'demo-%'`)
    .run().changes;
  db.prepare(
    `INSERT INTO main.barcodes SELECT b.* FROM training.barcodes b
       JOIN training.products p ON p.id = b.product_id WHERE p.id NOT LIKE 'demo-%'`,
  ).run();
  return { operators, products };
}
