import { describe, expect, it } from 'vitest';
import { UsageError, oneOf, required } from '../../../main/cli/args';

describe('cli args', () => {
  it('oneOf passes an allowed value and an absent flag', () => {
    expect(oneOf('mode', 'text', ['text', 'raster'])).toBe('text');
    expect(oneOf('mode', undefined, ['text', 'raster'])).toBeUndefined();
  });

  it('oneOf refuses anything else, naming the flag, the choices and the value', () => {
    expect(() => oneOf('variant', 'mac', ['pin', 'data'])).toThrow(UsageError);
    expect(() => oneOf('variant', 'mac', ['pin', 'data'])).toThrow(
      "--variant must be pin or data, got 'mac'",
    );
    expect(() => oneOf('width', '60', ['58', '80', '76'])).toThrow("--width must be 58, 80 or 76, got '60'");
  });

  it('required names the missing flag', () => {
    expect(required('bdk', 'AB')).toBe('AB');
    expect(() => required('bdk', undefined)).toThrow(new UsageError('missing --bdk'));
  });
});
