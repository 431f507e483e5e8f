// The charts' theme comes from the app's CSS custom properties: its palette in order, its ink and font.
import { describe, expect, it } from 'vitest';
import { themeFrom } from '../../renderer/src/components/charts/chart-theme';

describe('chart theme from the app’s CSS', () => {
  const vars: Record<string, string> = {
    '--accent': ' #1d4ed8',
    '--good': '#15803d',
    '--warn': '#b45309',
    '--bad': '#b91c1c',
    '--ink': '#0b1220',
  };
  const read = (name: string): string => vars[name] ?? '';

  it('the accent first, then the status colours; unset properties left out', () => {
    const theme = themeFrom(read, 'Noto Sans SC, sans-serif');
    expect(theme.color).toEqual(['#1d4ed8', '#15803d', '#b45309', '#b91c1c']);
    expect(theme.textStyle).toEqual({ color: '#0b1220', fontFamily: 'Noto Sans SC, sans-serif' });
    expect(theme.backgroundColor).toBe('transparent');
  });

  it('follows a change of the stylesheet', () => {
    vars['--accent'] = '#ff0000';
    expect(themeFrom(read, 'serif').color[0]).toBe('#ff0000');
  });
});
