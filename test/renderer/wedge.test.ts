import { describe, expect, it } from 'vitest';
import { WedgeDetector, type WedgeOutcome, type WedgeVerdict } from '../../renderer/src/input/wedge';

/** Feeds keys at the given gaps (ms) and collects everything the detector said. */
function feed(d: WedgeDetector, keys: readonly string[], gaps: number | readonly number[], start = 1_000) {
  let time = start;
  const verdicts: WedgeVerdict[] = [];
  keys.forEach((key, i) => {
    if (i > 0) time += typeof gaps === 'number' ? gaps : (gaps[i - 1] ?? 100);
    verdicts.push(d.key({ key, time }));
  });
  const outcomes: WedgeOutcome[] = verdicts.flatMap((v) => v.outcomes);
  return { verdicts, outcomes, end: time };
}

const chars = (s: string): string[] => [...s];

describe('keyboard-wedge detector', () => {
  it('human typing (slow, irregular) is never a scan and nothing is swallowed', () => {
    const d = new WedgeDetector();
    const { verdicts, outcomes, end } = feed(
      d,
      [...chars('milk 2L'), 'Enter'],
      [140, 95, 210, 80, 160, 120, 300],
    );
    expect(verdicts.every((v) => !v.consume)).toBe(true);
    expect(outcomes).toEqual([]);
    expect(d.tick(end + 1_000)).toEqual([]);
  });

  it('a fast burst ended by Enter is a scan; keys from the 4th on and the Enter are swallowed', () => {
    const d = new WedgeDetector();
    const code = '6901234567892';
    const { verdicts, outcomes } = feed(d, [...chars(code), 'Enter'], 8);
    expect(outcomes).toEqual([{ kind: 'scan', code, terminator: 'enter', passed: 3 }]);
    expect(verdicts.map((v) => v.consume)).toEqual([
      false,
      false,
      false,
      ...Array<boolean>(code.length - 3 + 1).fill(true),
    ]);
    expect(verdicts[0]?.burstStart).toBe(true);
    expect(verdicts.slice(1).some((v) => v.burstStart)).toBe(false);
  });

  it('accepts gaps up to the threshold (35 ms) and a Tab terminator', () => {
    const d = new WedgeDetector();
    const { outcomes } = feed(d, [...chars('12345678'), 'Tab'], 35);
    expect(outcomes).toEqual([{ kind: 'scan', code: '12345678', terminator: 'tab', passed: 3 }]);
  });

  it('shorter than 4 characters + Enter is typing, not a scan', () => {
    const d = new WedgeDetector();
    const { verdicts, outcomes } = feed(d, [...chars('123'), 'Enter'], 5);
    expect(outcomes).toEqual([]);
    expect(verdicts.every((v) => !v.consume)).toBe(true);
  });

  it('one slow gap in the middle breaks the burst: no scan, swallowed keys are replayed in order', () => {
    const d = new WedgeDetector();
    // 5 fast keys (4th and 5th swallowed), a pause, then 3 keys and Enter: neither part is a scan.
    const { outcomes } = feed(d, [...chars('12345'), ...chars('678'), 'Enter'], [5, 5, 5, 5, 200, 5, 5, 400]);
    expect(outcomes).toEqual([{ kind: 'replay', text: '45' }]);
  });

  it('scanner without Enter: the burst ends on silence (timeout) and is a scan when long enough', () => {
    const d = new WedgeDetector();
    const code = '96385074';
    const { outcomes, end } = feed(d, chars(code), 6);
    expect(outcomes).toEqual([]);
    const deadline = d.deadline();
    expect(deadline).toBe(end + 80);
    expect(d.tick(end + 40)).toEqual([]); // not yet
    expect(d.tick(deadline ?? 0)).toEqual([{ kind: 'scan', code, terminator: 'timeout', passed: 3 }]);
    expect(d.deadline()).toBeNull();
  });

  it('a scanner Enter delivered after the burst already timed out is still swallowed', () => {
    const d = new WedgeDetector();
    const code = '6901234567892';
    const { end } = feed(d, chars(code), 5);
    // The page was busy: the silence timer ran before the queued Enter was delivered.
    expect(d.tick(end + 200)).toEqual([{ kind: 'scan', code, terminator: 'timeout', passed: 3 }]);
    expect(d.key({ key: 'Enter', time: end + 5 })).toEqual({
      consume: true,
      burstStart: false,
      outcomes: [],
    });
    // A person's Enter later on is theirs.
    expect(d.key({ key: 'Enter', time: end + 900 }).consume).toBe(false);
  });

  it('a short burst without Enter times out as typing: its swallowed keys come back', () => {
    const d = new WedgeDetector();
    const { end } = feed(d, chars('12345'), 6);
    expect(d.tick(end + 100)).toEqual([{ kind: 'replay', text: '45' }]);
  });

  it('a slow key after a long un-terminated burst also ends it as a scan', () => {
    const d = new WedgeDetector();
    const { outcomes } = feed(d, [...chars('96385074'), 'x'], [6, 6, 6, 6, 6, 6, 6, 300]);
    expect(outcomes).toEqual([{ kind: 'scan', code: '96385074', terminator: 'timeout', passed: 3 }]);
  });

  it('mixed: a person types, a scan arrives mid-word, the person carries on', () => {
    const d = new WedgeDetector();
    const keys = [...chars('ap'), ...chars('6901234567892'), 'Enter', ...chars('ple')];
    const gaps = [150, 180, ...Array<number>(12).fill(4), 4, 220, 130, 170];
    const { outcomes, verdicts } = feed(d, keys, gaps);
    expect(outcomes).toEqual([{ kind: 'scan', code: '6901234567892', terminator: 'enter', passed: 3 }]);
    // The person's keys all went through.
    expect(verdicts.slice(0, 2).every((v) => !v.consume)).toBe(true);
    expect(verdicts.slice(-3).every((v) => !v.consume)).toBe(true);
    // The scan started a fresh burst (so the field is snapshotted right before its first character).
    expect(verdicts[2]?.burstStart).toBe(true);
  });

  it('key auto-repeat (a held key) never forms a burst', () => {
    const d = new WedgeDetector();
    let time = 0;
    const verdicts = [d.key({ key: '0', time })];
    for (let i = 0; i < 20; i++) verdicts.push(d.key({ key: '0', time: (time += 33), repeat: true }));
    verdicts.push(d.key({ key: 'Enter', time: time + 10 }));
    expect(verdicts.flatMap((v) => v.outcomes)).toEqual([]);
    expect(verdicts.every((v) => !v.consume)).toBe(true);
  });

  it('Shift between characters (scanners send capitals that way) does not break a burst', () => {
    const d = new WedgeDetector();
    const { outcomes } = feed(d, ['Shift', 'A', 'B', 'Shift', 'C', '1', '2', 'Enter'], 3);
    expect(outcomes).toEqual([{ kind: 'scan', code: 'ABC12', terminator: 'enter', passed: 3 }]);
  });

  it('IME composition and shortcuts are not typing bursts', () => {
    const d = new WedgeDetector();
    const v1 = d.key({ key: 'Process', time: 0, composing: true });
    const v2 = d.key({ key: 'c', time: 5, modified: true });
    expect([v1, v2].every((v) => !v.consume && v.outcomes.length === 0)).toBe(true);
  });

  describe('magstripe', () => {
    const track1 = '%B4111111111111111^DOE/JOHN^25121010000000000000?';
    const track2 = ';4111111111111111=25121010000000000000?';

    it('a swipe (two tracks, each with Enter) is one card outcome; every key is swallowed; no data kept', () => {
      const d = new WedgeDetector();
      const { verdicts, outcomes, end } = feed(d, [...chars(track1), 'Enter', ...chars(track2), 'Enter'], 3);
      expect(verdicts.every((v) => v.consume)).toBe(true);
      expect(outcomes).toEqual([]);
      const out = d.tick((d.deadline() ?? end) + 1);
      expect(out).toEqual([{ kind: 'card' }]);
      expect(JSON.stringify(d)).not.toContain('4111'); // nothing of the track is left in the detector
    });

    it('track 2 alone is recognised too, and is never reported as a barcode scan', () => {
      const d = new WedgeDetector();
      const { outcomes, end } = feed(d, [...chars(track2), 'Enter'], 3);
      const all = [...outcomes, ...d.tick(end + 1_000)];
      expect(all).toEqual([{ kind: 'card' }]);
    });

    it('a person typing ";" or "%" gets the character back, in place', () => {
      const d = new WedgeDetector();
      const v = d.key({ key: ';', time: 0 });
      expect(v.consume).toBe(true); // held: it might be a card sentinel
      expect(d.tick(36)).toEqual([{ kind: 'replay', text: ';' }]);
      const d2 = new WedgeDetector();
      d2.key({ key: '%', time: 0 });
      const next = d2.key({ key: '5', time: 200 });
      expect(next.outcomes).toEqual([{ kind: 'replay', text: '%' }]);
      expect(next.consume).toBe(false);
    });
  });
});
