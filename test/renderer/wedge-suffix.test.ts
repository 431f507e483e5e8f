// A scanner configured with a two-key suffix (CR LF, both typed as Enter, or Enter Tab) does not leak its
// second terminator to the screen.
import { describe, expect, it } from 'vitest';
import { WedgeDetector } from '../../renderer/src/input/wedge';

function feed(d: WedgeDetector, keys: readonly string[], gap: number, start = 1_000) {
  let time = start;
  return keys.map((key, i) => {
    if (i > 0) time += gap;
    return d.key({ key, time });
  });
}

describe('scanner suffix with two terminators', () => {
  it('the second terminator of a CR LF suffix (Enter, Enter) right after a scan is swallowed too', () => {
    const d = new WedgeDetector();
    const verdicts = feed(d, [...'6901234567892', 'Enter', 'Enter'], 5);
    expect(verdicts.flatMap((v) => v.outcomes)).toEqual([
      { kind: 'scan', code: '6901234567892', terminator: 'enter', passed: 3 },
    ]);
    expect(verdicts.at(-2)?.consume).toBe(true);
    expect(verdicts.at(-1)?.consume).toBe(true); // fails today: the LF's Enter reaches the focused dialog
  });

  it('an Enter + Tab suffix: the Tab right after the scan is swallowed too', () => {
    const d = new WedgeDetector();
    const verdicts = feed(d, [...'6901234567892', 'Enter', 'Tab'], 5);
    expect(verdicts.at(-1)?.consume).toBe(true);
  });
});
