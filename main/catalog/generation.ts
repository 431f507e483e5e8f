// A per-database change counter for the catalog: every write through main/catalog bumps it, and the search
// index rebuilds lazily when it has moved. Writes made by other code (raw SQL) need search.refresh().
import type { Database } from '../store/db';

const generations = new WeakMap<Database, number>();

export function catalogGeneration(db: Database): number {
  return generations.get(db) ?? 0;
}

export function bumpCatalogGeneration(db: Database): void {
  generations.set(db, catalogGeneration(db) + 1);
}
