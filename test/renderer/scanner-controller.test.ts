// The controller against a fake text field that behaves like an <input>: keys that are not swallowed get
// typed at the caret. This is "a burst into a focused search field" without a browser.
import { describe, expect, it } from 'vitest';
import {
  ScannerController,
  type FieldPort,
  type KeyEventLike,
} from '../../renderer/src/input/scanner-controller';

class FakeField implements FieldPort<{ value: string }> {
  value = '';
  focused = true;
  snapshot() {
    return this.focused ? { value: this.value } : null;
  }
  restore(s: { value: string }) {
    this.value = s.value;
  }
  insert(text: string) {
    if (this.focused) this.value += text;
  }
}

function harness() {
  const field = new FakeField();
  const scans: string[] = [];
  const swipes: string[] = [];
  let badSwipes = 0;
  const shortcuts: string[] = []; // what reached handlers after the capture listener
  const controller = new ScannerController(field, {
    scan: (c) => scans.push(c),
    swipe: (t) => swipes.push(t),
    badSwipe: () => badSwipes++,
  });
  let now = 10_000;
  const press = (key: string, gap: number): void => {
    now += gap;
    let prevented = false;
    let stopped = false;
    const e: KeyEventLike = {
      key,
      timeStamp: now,
      repeat: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      isComposing: false,
      preventDefault: () => (prevented = true),
      stopImmediatePropagation: () => (stopped = true),
    };
    controller.handleKey(e);
    if (!stopped) shortcuts.push(key);
    if (!prevented && key.length === 1 && field.focused) field.value += key; // the browser's default action
  };
  // The first key comes after a pause: a scan does not start 5 ms after a person's keystroke.
  const type = (text: string, gap: number) => [...text].forEach((k, i) => press(k, i === 0 ? 400 : gap));
  const idle = (ms: number) => controller.tick((now += ms));
  return { field, scans, swipes, badSwipes: () => badSwipes, shortcuts, press, type, idle };
}

describe('scanner controller', () => {
  it('a burst into a focused search field leaves the field as it was and goes to the scan sink', () => {
    const h = harness();
    h.type('app', 150); // the cashier was searching
    h.type('6901234567892', 5);
    h.press('Enter', 5);
    expect(h.field.value).toBe('app');
    expect(h.scans).toEqual(['6901234567892']);
    expect(h.shortcuts).not.toContain('Enter'); // the search box never saw the scanner's Enter
  });

  it('human typing reaches the field untouched, Enter included', () => {
    const h = harness();
    h.type('6901', 120);
    h.press('Enter', 150);
    expect(h.field.value).toBe('6901');
    expect(h.scans).toEqual([]);
    expect(h.shortcuts.at(-1)).toBe('Enter');
  });

  it('an un-terminated scan is taken out of the field on timeout', () => {
    const h = harness();
    h.type('96385074', 4);
    expect(h.field.value).toBe('963'); // first keys are in until we know
    h.idle(200);
    expect(h.field.value).toBe('');
    expect(h.scans).toEqual(['96385074']);
  });

  it('a fast-but-short burst is typing: the swallowed keys are put back in order', () => {
    const h = harness();
    h.type('12345', 4);
    h.idle(200);
    expect(h.field.value).toBe('12345');
    expect(h.scans).toEqual([]);
  });

  it('a card swipe never shows in the field, is not a scan, and goes to the sink whole', () => {
    const h = harness();
    // One swipe: track 1, Enter, track 2, Enter, all at reader speed.
    const swipe = [...'%B4111111111111111^DOE/JOHN^25121010000000000000?', 'Enter'];
    swipe.push(...';4111111111111111=25121010000000000000?', 'Enter');
    swipe.forEach((k, i) => h.press(k, i === 0 ? 400 : 3));
    expect(h.field.value).toBe('');
    h.idle(500);
    expect(h.field.value).toBe('');
    expect(h.scans).toEqual([]);
    expect(h.swipes).toEqual([
      '%B4111111111111111^DOE/JOHN^25121010000000000000?;4111111111111111=25121010000000000000?',
    ]);
    expect(h.badSwipes()).toBe(0);
    expect(h.shortcuts.filter((k) => k !== 'Shift')).toEqual([]); // no key of it reached a handler
  });

  it('a bad read (%E?) asks for another swipe and delivers no tracks', () => {
    const h = harness();
    ['%', 'E', '?', 'Enter', ';', 'E', '?', 'Enter'].forEach((k, i) => h.press(k, i === 0 ? 400 : 3));
    h.idle(500);
    expect(h.swipes).toEqual([]);
    expect(h.badSwipes()).toBe(1);
    expect(h.field.value).toBe('');
  });

  it('a person typing % and ; keeps them, in order, and a scan after a swipe still works', () => {
    const h = harness();
    h.type('50%', 150);
    h.idle(200);
    h.press(';', 400);
    h.idle(200);
    expect(h.field.value).toBe('50%;');
    h.field.value = '';
    [...';4111111111111111=2512101?', 'Enter'].forEach((k, i) => h.press(k, i === 0 ? 400 : 3));
    h.idle(500);
    h.type('6901234567892', 5);
    h.press('Enter', 5);
    expect(h.swipes).toHaveLength(1);
    expect(h.scans).toEqual(['6901234567892']);
    expect(h.field.value).toBe('');
  });

  it('works with no field focused at all', () => {
    const h = harness();
    h.field.focused = false;
    h.type('6901234567892', 5);
    h.press('Enter', 5);
    expect(h.scans).toEqual(['6901234567892']);
  });
});
