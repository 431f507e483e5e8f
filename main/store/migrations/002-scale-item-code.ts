// Version 2: the scale item (PLU) code of a product, so a variable-measure label (21 IIIII WWWWW C) finds its
// product by item code whatever the label's prefix (weight or price). Owned by main/catalog; see docs/catalog.md.
import type { Migration } from './types';

export const m002ScaleItemCode: Migration = {
  version: 2,
  name: 'scale-item-code',
  sql: `
ALTER TABLE products ADD COLUMN scale_item_code INTEGER CHECK (scale_item_code >= 0);
CREATE UNIQUE INDEX products_scale_item_code ON products(scale_item_code) WHERE scale_item_code IS NOT NULL;
`,
};
