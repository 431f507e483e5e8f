import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBarcode } from '../../../main/catalog/barcode';
import {
  assertVariableMeasureRules,
  buildVariableMeasureBarcode,
  DEFAULT_VARIABLE_MEASURE_RULES,
  DEFAULT_WEIGHT_RULE,
  matchRule,
  type VariableMeasureRule,
} from '../../../main/catalog/variable-measure';

describe('variable-measure rules', () => {
  it('defaults: 21 = weight in grams, 22 = price in fen, 5 + 5 digits, no value check digit', () => {
    expect(DEFAULT_VARIABLE_MEASURE_RULES).toEqual([
      { prefix: '21', itemDigits: 5, value: 'weight', valueDigits: 5 },
      { prefix: '22', itemDigits: 5, value: 'price', valueDigits: 5 },
    ]);
    expect(() => assertVariableMeasureRules(DEFAULT_VARIABLE_MEASURE_RULES)).not.toThrow();
  });

  it('builds the code a scale prints', () => {
    expect(buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, '00001', 1250)).toBe('2100001012502');
    expect(buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, 7, 5)).toBe(
      buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, '00007', 5),
    );
    expect(() => buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, '123456', 1)).toThrow(RangeError);
    expect(() => buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, '1', 100_000)).toThrow(RangeError);
  });

  it('matchRule picks the longest prefix, or none', () => {
    const rules: VariableMeasureRule[] = [
      { prefix: '2', itemDigits: 5, value: 'price', valueDigits: 5 },
      { prefix: '21', itemDigits: 5, value: 'weight', valueDigits: 5 },
    ];
    expect(matchRule('2100001012502', rules)).toBe(rules[1]);
    expect(matchRule('2500001012502', rules)).toBe(rules[0]);
    expect(matchRule('2500001012502', DEFAULT_VARIABLE_MEASURE_RULES)).toBeNull();
  });

  it('property: build then parse round-trips item code and value for any valid rule', () => {
    const rule = fc
      .record({
        prefix: fc.constantFrom('2', '20', '21', '24', '29', '210'),
        itemDigits: fc.integer({ min: 1, max: 6 }),
        value: fc.constantFrom<'weight' | 'price'>('weight', 'price'),
        valueDigits: fc.integer({ min: 1, max: 6 }),
      })
      .filter((r) => r.prefix.length + r.itemDigits + r.valueDigits <= 12);
    fc.assert(
      fc.property(rule, fc.nat(), fc.nat(), (r, item, v) => {
        const itemCode = String(item % 10 ** r.itemDigits).padStart(r.itemDigits, '0');
        const value = 1 + (v % (10 ** r.valueDigits - 1));
        const parsed = parseBarcode(buildVariableMeasureBarcode(r, itemCode, value), [r]);
        expect(parsed).toMatchObject({ kind: 'variable', itemCode });
        if (parsed.kind !== 'variable') return;
        expect(r.value === 'weight' ? parsed.weightGrams : parsed.priceMinor).toBe(value);
      }),
    );
  });
});
