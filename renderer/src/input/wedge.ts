// Keyboard-wedge detector. Barcode scanners and magstripe readers "type": a burst of printable keys a few ms
// apart, usually ended by Enter. People type slower and irregularly. This module is pure timing logic
// (no DOM): feed it keys with timestamps, it says per key whether to swallow it and what was recognised.
//
// Strategy, so that a burst never lands in a focused text field:
// - the first `minLength - 1` keys of a burst pass through (we cannot know yet); from key `minLength` on,
//   keys are swallowed. On recognition the caller restores the field as it was before the burst started.
// - a burst that turns out not to be a scan gives its swallowed keys back ("replay").
// - '%' or ';' starting a burst is a magstripe sentinel: held at once, so not even a fragment of card
//   data reaches a field. Track content is never stored here, only the fact that a swipe happened.

export interface WedgeOptions {
  /** Max gap between keys of one burst. */
  readonly maxGapMs: number;
  /** Shortest burst that counts as a scan when ended by Enter/Tab. */
  readonly minLength: number;
  /** Max gap between the last character and the terminating Enter/Tab. */
  readonly enterMaxGapMs: number;
  /** Silence that ends a burst without a terminator. */
  readonly endTimeoutMs: number;
  /** Shortest burst accepted as a scan without Enter (scanners configured with no suffix). */
  readonly minLengthWithoutEnter: number;
  /** Silence that ends a card swipe (readers send one burst per track, each with its own Enter). */
  readonly cardQuietMs: number;
}

export const DEFAULT_WEDGE: WedgeOptions = {
  maxGapMs: 35,
  minLength: 4,
  enterMaxGapMs: 70,
  endTimeoutMs: 80,
  minLengthWithoutEnter: 8,
  cardQuietMs: 150,
};

export interface WedgeKey {
  readonly key: string; // KeyboardEvent.key
  readonly time: number; // ms, monotonic
  /** auto-repeat from a held key: never part of a burst */
  readonly repeat?: boolean;
  /** Ctrl/Alt/Meta held: a shortcut, not typing */
  readonly modified?: boolean;
  /** IME composition in progress */
  readonly composing?: boolean;
}

export type WedgeOutcome =
  /** `passed`: how many leading characters reached the focused field (restore it when > 0) */
  | {
      readonly kind: 'scan';
      readonly code: string;
      readonly terminator: 'enter' | 'tab' | 'timeout';
      readonly passed: number;
    }
  /** a magstripe swipe; deliberately carries no track data */
  | { readonly kind: 'card' }
  /** swallowed keys that turned out to be typing: insert them where they would have gone */
  | { readonly kind: 'replay'; readonly text: string };

export interface WedgeVerdict {
  /** swallow this key: preventDefault + stopPropagation */
  readonly consume: boolean;
  /** this key starts a new candidate burst: snapshot the focused field BEFORE applying outcomes' effects */
  readonly burstStart: boolean;
  /** apply in order, before this key's default action */
  readonly outcomes: readonly WedgeOutcome[];
}

const IGNORED = new Set(['Shift', 'CapsLock']); // scanners press Shift for capitals

type Mode = 'idle' | 'burst' | 'held' | 'card';

export class WedgeDetector {
  private mode: Mode = 'idle';
  private buffer = '';
  private last = 0;
  private passed = 0;
  /** After a scan ended by silence, a late terminator up to this time belongs to it (swallowed). */
  private graceUntil = -Infinity;

  constructor(private readonly opts: WedgeOptions = DEFAULT_WEDGE) {}

  key(k: WedgeKey): WedgeVerdict {
    if (IGNORED.has(k.key)) return { consume: false, burstStart: false, outcomes: [] };
    const printable = k.key.length === 1 && !k.modified && !k.composing && !k.repeat;
    const gap = k.time - this.last;
    const out: WedgeOutcome[] = [];
    const grace = this.graceUntil;
    this.graceUntil = -Infinity;

    if (this.mode === 'card') {
      if (gap <= this.opts.cardQuietMs && (printable || k.key === 'Enter' || k.key === 'Tab')) {
        this.last = k.time;
        return { consume: true, burstStart: false, outcomes: [] };
      }
      out.push(...this.finish('timeout'));
    }

    if (k.key === 'Enter' || k.key === 'Tab') {
      const terminator = k.key === 'Enter' ? 'enter' : 'tab';
      if (
        this.mode === 'burst' &&
        this.buffer.length >= this.opts.minLength &&
        gap <= this.opts.enterMaxGapMs
      ) {
        out.push({ kind: 'scan', code: this.buffer, terminator, passed: this.passed });
        this.reset();
        // A scanner whose suffix is two keys (CR LF, or Enter then Tab) sends the second one at once: it is
        // the scanner's too, and must not complete a dialog or pick a search result.
        this.graceUntil = k.time + this.opts.enterMaxGapMs;
        return { consume: true, burstStart: false, outcomes: out };
      }
      out.push(...this.finish('timeout'));
      // The scanner's own Enter, delivered after we had already ended its burst on silence.
      return { consume: k.time <= grace, burstStart: false, outcomes: out };
    }

    if (!printable) {
      out.push(...this.finish('timeout'));
      return { consume: false, burstStart: false, outcomes: out };
    }

    if (this.mode !== 'idle' && gap <= this.opts.maxGapMs) {
      this.last = k.time;
      if (this.mode === 'held') {
        this.mode = 'card';
        this.buffer = ''; // card data is never kept
        return { consume: true, burstStart: false, outcomes: out };
      }
      this.buffer += k.key;
      if (this.buffer.length >= this.opts.minLength)
        return { consume: true, burstStart: false, outcomes: out };
      this.passed++;
      return { consume: false, burstStart: false, outcomes: out };
    }

    out.push(...this.finish('timeout'));
    this.last = k.time;
    if (k.key === '%' || k.key === ';') {
      this.mode = 'held';
      this.buffer = k.key;
      return { consume: true, burstStart: true, outcomes: out };
    }
    this.mode = 'burst';
    this.buffer = k.key;
    this.passed = 1;
    return { consume: false, burstStart: true, outcomes: out };
  }

  /** Call when `deadline()` has passed: ends a burst that got no terminator. */
  tick(now: number): readonly WedgeOutcome[] {
    const deadline = this.deadline();
    return deadline !== null && now >= deadline ? this.finish('timeout') : [];
  }

  /** When the current burst times out, or null when idle. */
  deadline(): number | null {
    switch (this.mode) {
      case 'idle':
        return null;
      case 'held':
        return this.last + this.opts.maxGapMs + 1;
      case 'card':
        return this.last + this.opts.cardQuietMs + 1;
      case 'burst':
        return this.last + this.opts.endTimeoutMs;
    }
  }

  reset(): void {
    this.mode = 'idle';
    this.buffer = '';
    this.passed = 0;
  }

  private finish(terminator: 'timeout'): WedgeOutcome[] {
    const { mode, buffer, passed } = this;
    this.reset();
    if (mode === 'card') return [{ kind: 'card' }];
    if (mode === 'held') return [{ kind: 'replay', text: buffer }];
    if (mode !== 'burst') return [];
    if (buffer.length >= this.opts.minLengthWithoutEnter) {
      this.graceUntil = this.last + this.opts.enterMaxGapMs;
      return [{ kind: 'scan', code: buffer, terminator, passed }];
    }
    const swallowed = buffer.slice(passed);
    return swallowed ? [{ kind: 'replay', text: swallowed }] : [];
  }
}
