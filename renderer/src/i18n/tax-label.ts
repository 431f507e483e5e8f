// A tax line's label, the same on the totals panel and the on-screen receipt: "VAT 13%" added to the price,
// or "incl. VAT 13%" when prices already include it.
import type { TaxSummaryView } from '@contract/contract';
import type { Translate } from './translate';

export const taxLabel = (
  t: Translate,
  tax: Pick<TaxSummaryView, 'name' | 'rateBp'>,
  inclusive: boolean,
): string =>
  t(inclusive ? 'totals.taxIncluded' : 'totals.tax', { name: tax.name, rate: tax.rateBp / 10_000 });
