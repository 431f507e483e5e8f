import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { ERROR_CODES } from '@contract/result';
import { LOCALES, catalogs, translator, type MessageKey } from '../../renderer/src/i18n/translate';
import { en } from '../../renderer/src/i18n/en';
import * as enAreas from '../../renderer/src/i18n/en/index';
import { errorMessage } from '../../renderer/src/i18n/errors';
import { BINDINGS } from '../../renderer/src/keys/bindings';

// The parts of the ICU AST we look at (see @formatjs/icu-messageformat-parser TYPE).
interface Element {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
}
const ARG_TYPES = new Set([1, 2, 3, 4, 5, 6]);
const SELECT = 5;

/** argument name -> kind, and select argument -> its option keys */
function shape(message: string, locale: string) {
  const args = new Map<string, number>();
  const selects = new Map<string, string[]>();
  const walk = (elements: Element[]): void => {
    for (const el of elements) {
      if (ARG_TYPES.has(el.type) && el.value) args.set(el.value, el.type);
      if (el.type === SELECT && el.value) selects.set(el.value, Object.keys(el.options ?? {}).sort());
      for (const opt of Object.values(el.options ?? {})) walk(opt.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown as Element[]);
  return { args, selects };
}

const keys = Object.keys(en) as MessageKey[];

describe('i18n catalogs', () => {
  it('each key lives in one area file only (a spread would let a second copy win silently)', () => {
    const all = Object.values(enAreas).flatMap((area) => Object.keys(area));
    expect(all.length).toBe(new Set(all).size);
    expect(all.length).toBe(keys.length);
  });

  it('zh-CN has exactly the English keys', () => {
    expect(Object.keys(catalogs['zh-CN']).sort()).toEqual([...keys].sort());
  });

  it('every ErrorCode has a message in both catalogs', () => {
    for (const locale of LOCALES) {
      for (const code of ERROR_CODES) {
        expect(catalogs[locale], `${locale} error.${code}`).toHaveProperty(`error.${code}`);
      }
    }
  });

  it('every shortcut has a help line', () => {
    for (const b of BINDINGS) expect(en).toHaveProperty(`help.${b.action}`);
  });

  it('every message parses, and both languages use the same arguments and select options', () => {
    for (const key of keys) {
      const a = shape(catalogs.en[key], 'en');
      const b = shape(catalogs['zh-CN'][key], 'zh-CN');
      expect([...b.args.keys()].sort(), key).toEqual([...a.args.keys()].sort());
      expect(Object.fromEntries(b.selects), key).toEqual(Object.fromEntries(a.selects));
    }
  });

  it('every message formats with plausible values in both languages, never falling back to the key', () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const key of keys) {
        const { args } = shape(catalogs[locale][key], locale);
        const values: Record<string, string | number> = {};
        for (const [name, type] of args) values[name] = type === 1 || type === SELECT ? 'x' : 2;
        const out = t(key, values);
        expect(out, `${locale} ${key}`).not.toBe(key);
        expect(out.length).toBeGreaterThan(0);
      }
    }
  });

  it('formats numbers and plurals per locale', () => {
    expect(translator('en')('qty.kg', { qty: 1.235 })).toBe('1.235 kg');
    expect(translator('en')('qty.kg', { qty: 2 })).toBe('2.000 kg');
    expect(translator('zh-CN')('qty.kg', { qty: 0.5 })).toBe('0.500 kg');
    expect(translator('en')('cart.count', { count: 1 })).toBe('1 line');
    expect(translator('en')('cart.count', { count: 3 })).toBe('3 lines');
    expect(translator('zh-CN')('cart.count', { count: 3 })).toBe('共 3 行');
    expect(translator('en')('totals.tax', { name: 'VAT', rate: 0.13 })).toBe('VAT 13%');
    expect(translator('en')('cart.discountPercent', { amount: '¥1.00', pct: 0.125 })).toBe('−¥1.00 (12.5%)');
  });

  it('a missing value shows the key instead of breaking the screen', () => {
    expect(translator('en')('header.terminal')).toBe('header.terminal');
  });
});

describe('error messages use detail', () => {
  const en = translator('en');
  const zh = translator('zh-CN');
  const show = (
    t: typeof en,
    e: Parameters<typeof errorMessage>[0],
    ctx?: Parameters<typeof errorMessage>[1],
  ) => {
    const m = errorMessage(e, ctx);
    return t(m.key, m.values);
  };

  it('BARCODE_MALFORMED names the code and the reason', () => {
    const e = {
      code: 'BARCODE_MALFORMED',
      message: 'x',
      detail: { reason: 'check-digit', input: '6901234567891' },
    } as const;
    expect(show(en, e)).toBe('“6901234567891” has a wrong check digit: scan again or type it.');
    expect(show(zh, e)).toContain('6901234567891');
    expect(show(zh, e)).toContain('校验位');
    const len = {
      code: 'BARCODE_MALFORMED',
      message: 'x',
      detail: { reason: 'length', input: '12345' },
    } as const;
    expect(show(en, len)).toContain('wrong number of digits');
  });

  it('falls back to what was scanned when main does not echo it, except for payment codes', () => {
    const e = { code: 'BARCODE_MALFORMED', message: 'x', detail: { reason: 'non-digit' } } as const;
    expect(show(en, e, { code: 'ABC123' })).toContain('ABC123');
    const pay = { code: 'BARCODE_MALFORMED', message: 'x', detail: { reason: 'payment-code' } } as const;
    expect(show(en, pay, { code: '134567890123456789' })).not.toContain('134567890123456789');
  });

  it('BARCODE_UNKNOWN shows the normalised code', () => {
    const e = { code: 'BARCODE_UNKNOWN', message: 'x', detail: { code: '0012345678905' } } as const;
    expect(show(en, e)).toBe('No product has barcode “0012345678905”.');
  });

  it('CSV_INVALID lists line numbers (at most five)', () => {
    const detail = { errors: [3, 7, 12, 15, 20, 31].map((line) => ({ line, column: 'sku', reason: 'bad' })) };
    expect(show(en, { code: 'CSV_INVALID', message: 'x', detail })).toBe(
      'The catalog file has errors on 6 lines: 3, 7, 12, 15, 20 ….',
    );
    expect(show(en, { code: 'CSV_INVALID', message: 'x', detail: { errors: [{ line: 4 }] } })).toBe(
      'The catalog file has an error on line 4.',
    );
    expect(show(zh, { code: 'CSV_INVALID', message: 'x', detail: { errors: [{ line: 4 }] } })).toContain(
      '第 4 行',
    );
  });

  it('REFUND_REFUSED carries the gateway’s words when there are any', () => {
    const e = { code: 'REFUND_REFUSED', message: 'x', detail: { message: 'Do not honour' } } as const;
    expect(show(en, e)).toBe('The payment gateway refused the refund: Do not honour. Nothing was paid back.');
    expect(show(zh, e)).toContain('Do not honour');
    expect(show(en, { code: 'REFUND_REFUSED', message: 'x' })).toBe(
      'The payment gateway refused the refund. Nothing was paid back.',
    );
  });

  it('SETTLEMENT_INVALID names the line, and the column of a changed header', () => {
    const at = (detail: Record<string, unknown>) =>
      ({ code: 'SETTLEMENT_INVALID', message: 'x', detail }) as const;
    expect(show(en, at({ line: 1, reason: 'unknown-layout' }))).toBe(
      'This is not a settlement file in a known layout (line 1).',
    );
    expect(show(en, at({ line: 1, reason: 'header', column: 13 }))).toContain('column 13 (line 1)');
    expect(show(en, at({ line: 42, reason: 'amount', column: '退款金额' }))).toBe(
      'The settlement file has an error on line 42: nothing was imported.',
    );
    expect(show(zh, at({ line: 42, reason: 'summary' }))).toContain('第 42 行');
  });

  it('RESOLUTION_NOT_ALLOWED says why a difference cannot take the action', () => {
    const why = (reason: string) =>
      ({ code: 'RESOLUTION_NOT_ALLOWED', message: 'x', detail: { reason, class: 'fee' } }) as const;
    expect(show(en, why('resolved'))).toBe('This difference has already been resolved.');
    expect(show(en, why('matched'))).toContain('nothing to resolve');
    expect(show(en, why('action'))).toContain('choose another');
    expect(show(zh, why('resolved'))).toBe('此差异已经处理过了。');
  });

  it('a lost connection reads differently from a generic internal error', () => {
    const lost = {
      code: 'INTERNAL',
      message: 'connection lost',
      detail: { reason: 'connection-lost' },
    } as const;
    expect(show(en, lost)).toContain('Reconnecting');
    expect(show(en, { code: 'INTERNAL', message: 'boom' })).toBe('Something went wrong. Please try again.');
  });
});
