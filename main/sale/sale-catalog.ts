// The catalog as the sale needs it: scans resolved to a product plus what the label says (weight or price).
import type { Database } from '../store/db';
import { PosFailure } from '../api/result';
import { catalogRepository } from '../catalog/repository';
import { DEFAULT_VARIABLE_MEASURE_RULES, type VariableMeasureRule } from '../catalog/variable-measure';
import type { SaleCatalog } from './ports';

export function createSaleCatalog(db: Database, rules: readonly VariableMeasureRule[] | null): SaleCatalog {
  const repo = catalogRepository(db);
  const activeRules = rules ?? DEFAULT_VARIABLE_MEASURE_RULES;
  const taxCategory = (id: string): { name: string; rateBp: number } => {
    const cat = repo.getTaxCategory(id);
    if (!cat) throw new PosFailure('NOT_FOUND', `Tax category ${id} does not exist`, { taxCategoryId: id });
    return cat;
  };
  // Tax categories are written only while the store opens (config sync, demo seed), before this is built, so
  // their names are read once: a query per call would sit on the sale-commit path (priceView).
  let names: ReadonlyMap<string, { readonly name: string }> | null = null;
  return {
    scan(code) {
      const m = repo.lookupBarcode(code, activeRules);
      return { product: m.product, qtyMilli: m.qtyMilli, priceOverrideMinor: m.priceOverrideMinor };
    },
    product: (id) => repo.requireProduct(id),
    taxCategory,
    taxCategoryNames: () =>
      (names ??= new Map(repo.listTaxCategories().map((c) => [c.id, { name: c.name }]))),
  };
}
