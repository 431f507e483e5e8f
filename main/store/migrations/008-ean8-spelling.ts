// Version 8: an EAN-8 sent padded to 13 digits ('00000' + the 8 digits, GS1's spelling of a GTIN-8 in a longer
// field) is now normalised to its 8 digits (main/catalog/barcode.ts), like the 8-digit scan of the same label.
// Earlier builds stored the padded spelling, which the 8-digit scan no longer finds: re-spell those rows. If
// the 8-digit spelling is already stored (two rows for one label), the padded row is left as it was rather
// than dropping either product's barcode; the import that next touches it reports the clash.
import type { Migration } from './types';

export const m008Ean8Spelling: Migration = {
  version: 8,
  name: 'ean8-spelling',
  sql: `
UPDATE OR IGNORE barcodes SET code = substr(code, 6)
  WHERE length(code) = 13 AND substr(code, 1, 5) = '00000';
`,
};
