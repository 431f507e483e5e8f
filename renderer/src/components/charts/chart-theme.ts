// The charts' colours and font, read from the app's CSS custom properties (renderer/src/styles/base.css), so a
// chart matches the screen it is on and follows a change of the stylesheet.

/** Reads one CSS custom property ('' when unset). */
export type ReadVar = (name: string) => string;

export interface ChartTheme {
  readonly color: readonly string[];
  readonly backgroundColor: string;
  readonly textStyle: { readonly color: string; readonly fontFamily: string };
}

/** Series colours in order: the app's accent first, then its status colours. */
const PALETTE_VARS = ['--accent', '--good', '--warn', '--bad', '--ink-soft', '--training', '--head'];

export function themeFrom(read: ReadVar, fontFamily: string): ChartTheme {
  const color = PALETTE_VARS.map((v) => read(v).trim()).filter((c) => c !== '');
  return {
    color,
    backgroundColor: 'transparent',
    textStyle: { color: read('--ink').trim() || '#000', fontFamily },
  };
}
