// The magstripe swipe detector, fed (key, timestamp) like WedgeDetector: what is swallowed, what is given
// back, and what reaches the sink. Card data may reach swipe() and nothing else.
import { describe, expect, it } from 'vitest';
import {
  CardSwipeDetector,
  type SwipeAbortReason,
  type SwipeSink,
  type SwipeTrack,
  type SwipeVerdict,
} from '../../renderer/src/input/card-swipe';

const T1 = '%B4111111111111111^DOE/JANE^2512101000000000000?';
const T2 = ';4111111111111111=25121010000000000?';

function harness() {
  const swipes: string[] = [];
  const badReads: (readonly SwipeTrack[])[] = [];
  const aborts: SwipeAbortReason[] = [];
  const sink: SwipeSink = {
    swipe: (t) => swipes.push(t),
    badRead: (t) => badReads.push(t),
    aborted: (r) => aborts.push(r),
  };
  const d = new CardSwipeDetector(sink);
  let now = 10_000;
  /** What a focused text field would contain: keys not swallowed, plus replays. */
  let field = '';
  const verdicts: SwipeVerdict[] = [];
  const press = (key: string, gap: number): SwipeVerdict => {
    now += gap;
    const v = d.key({ key, time: now });
    verdicts.push(v);
    field += v.replay;
    if (!v.consume && key.length === 1) field += key;
    return v;
  };
  const type = (text: string, gap: number): void => {
    for (const c of text) press(c, gap);
  };
  const wait = (ms: number): void => {
    now += ms;
    field += d.tick(now);
  };
  return { d, swipes, badReads, aborts, press, type, wait, verdicts, field: () => field };
}

describe('card swipe detector', () => {
  it('a swipe at 2 ms/char (track 1, Enter, track 2, Enter) is collected whole and nothing reaches the field', () => {
    const h = harness();
    h.type(T1, 2);
    h.press('Enter', 2);
    h.type(T2, 2);
    h.press('Enter', 2);
    expect(h.swipes).toEqual([]); // more tracks may still come
    h.wait(200);
    expect(h.swipes).toEqual([T1 + T2]);
    expect(h.field()).toBe('');
    expect(h.verdicts.every((v) => v.consume && v.replay === '')).toBe(true);
    expect(h.d.deadline()).toBeNull();
  });

  it('the reader pressing Shift for capitals and sentinels changes nothing', () => {
    const h = harness();
    for (const c of T2) {
      if (c === ';' || c === '?') h.press('Shift', 1);
      h.press(c, 1);
    }
    h.wait(200);
    expect(h.swipes).toEqual([T2]);
    expect(h.field()).toBe('');
  });

  it('keeps LRC characters, even one that looks like a sentinel', () => {
    const h = harness();
    h.type(`${T1}X${T2};`, 3);
    h.wait(200);
    expect(h.swipes).toEqual([`${T1}X${T2};`]);
  });

  it('a person typing "%" slowly is not a swipe: the % is given back (on the next key or on the tick)', () => {
    const h = harness();
    h.type('50% off', 150);
    expect(h.field()).toBe('50% off');
    const g = harness();
    g.type('5%', 150);
    expect(g.field()).toBe('5'); // '%' held for a moment...
    g.wait(40);
    expect(g.field()).toBe('5%'); // ...and given back when nothing fast follows
    expect([...g.swipes, ...g.aborts, ...g.badReads]).toEqual([]);
  });

  it('"%" or ";" followed fast by something that cannot start a track is given back with it', () => {
    const h = harness();
    h.wait(1_000);
    h.type('%x', 5);
    h.wait(1_000);
    h.type(';a', 5);
    expect(h.field()).toBe('%x;a');
    expect(h.swipes).toEqual([]);
  });

  it('a barcode burst passes through untouched, before and after a swipe (even right after it)', () => {
    const h = harness();
    h.type('6901234567892', 8);
    h.press('Enter', 8);
    h.wait(300);
    h.type(T2, 2);
    h.press('Enter', 2);
    h.type('96385074', 20); // a scan 20 ms after the swipe's Enter
    h.press('Enter', 8);
    expect(h.swipes).toEqual([T2]);
    expect(h.field()).toBe('690123456789296385074');
  });

  it('a ";" inside a barcode burst does not start a swipe', () => {
    const h = harness();
    h.type('ABC;123', 8);
    expect(h.field()).toBe('ABC;123');
    expect(h.d.busy()).toBe(false);
  });

  it('bad reads: %E?;E? is reported as such and carries nothing', () => {
    const h = harness();
    h.type('%E?', 2);
    h.press('Enter', 2);
    h.type(';E?', 2);
    h.press('Enter', 2);
    h.wait(200);
    expect(h.badReads).toEqual([[1, 2]]);
    expect(h.swipes).toEqual([]);
    expect(h.field()).toBe('');
  });

  it('one bad track next to a good one is a swipe (main reports the bad track)', () => {
    const h = harness();
    h.type(`%E?${T2}`, 2);
    h.wait(200);
    expect(h.swipes).toEqual([`%E?${T2}`]);
    expect(h.badReads).toEqual([]);
  });

  it('a timeout mid-swipe drops the partial buffer and swallows the late tail', () => {
    const h = harness();
    h.type(';41111111', 2);
    h.wait(31); // the reader stalls
    expect(h.aborts).toEqual(['timeout']);
    h.type('11111111=2512?', 2); // its tail arrives late: still swallowed, never typed into the field
    h.wait(500);
    expect(h.swipes).toEqual([]);
    expect(h.field()).toBe('');
    expect(h.d.busy()).toBe(false);
    // The detector works normally afterwards.
    h.type(T2, 2);
    h.wait(200);
    expect(h.swipes).toEqual([T2]);
  });

  it('a stall in track 2 after a complete track 1 delivers track 1 only', () => {
    const h = harness();
    h.type(`${T1};4111`, 2);
    h.press('1', 60); // too late for this track
    h.wait(500);
    expect(h.swipes).toEqual([T1]);
    expect(h.field()).toBe('');
  });

  it('Enter inside a track aborts (malformed); an overlong burst aborts (too-long); both discard the rest', () => {
    const h = harness();
    h.type(';4111', 2);
    h.press('Enter', 2);
    h.type('1111=2512?', 2);
    h.wait(500);
    expect(h.aborts).toEqual(['malformed']);
    h.type(`;${'1'.repeat(300)}?`, 1);
    h.wait(500);
    expect(h.aborts).toEqual(['malformed', 'too-long']);
    expect(h.swipes).toEqual([]);
    expect(h.field()).toBe('');
  });

  it('a non-character key mid-track interrupts; that key is not swallowed', () => {
    const h = harness();
    h.type(';4111', 2);
    expect(h.press('ArrowLeft', 2).consume).toBe(false);
    expect(h.aborts).toEqual(['interrupted']);
  });

  it('reset() wipes a swipe in progress without reporting', () => {
    const h = harness();
    h.type(';4111', 2);
    h.d.reset();
    h.wait(500);
    expect([...h.swipes, ...h.aborts]).toEqual([]);
    expect(h.d.busy()).toBe(false);
  });

  it('keeps no card data in its own fields after a swipe', () => {
    const h = harness();
    h.type(T2, 2);
    h.wait(200);
    const own = JSON.stringify(Object.values(h.d as unknown as Record<string, unknown>), (_k, v: unknown) =>
      v instanceof Uint8Array ? [...v] : v,
    );
    expect(own).not.toContain('4111');
    const buf = Object.values(h.d as unknown as Record<string, unknown>).find((v) => v instanceof Uint8Array);
    expect(buf instanceof Uint8Array && buf.every((b) => b === 0)).toBe(true);
  });
});
