// Keyboard-wedge magstripe reader detector. The reader "types" ISO 7813 tracks at machine speed:
//   %B<PAN>^<NAME>^<YYMM>...?  and/or  ;<PAN>=<YYMM>...?  each maybe followed by an LRC character and Enter.
// This tells such a burst apart from a person typing (slow, irregular) and from a barcode burst (does not start
// with a sentinel), and collects it so that card data never reaches the DOM, component state or a log:
// - a leading '%' or ';' is held back at once; it is given back ("replay") if the next key is not a track
//   start at machine speed, so a cashier typing '%' loses nothing;
// - once committed, every key of the burst is swallowed, including its tail after an abort, so not even a
//   fragment of a PAN can land in a focused field;
// - the characters live in a fixed byte buffer that is zeroed on completion or abort; the only string made
//   from them goes straight to the sink's swipe() callback, which passes it to main and keeps no reference;
// - verdicts, sink callbacks other than swipe(), and errors carry no card data.
// Pure timing logic fed with (key, timestamp) like WedgeDetector: tested in Node.
import type { WedgeKey } from './wedge';

export interface CardSwipeOptions {
  /** Max gap between characters inside a track (readers type every 1-10 ms; people rarely below 50 ms). */
  readonly maxGapMs: number;
  /** Max silence after a track's '?' (or its LRC / Enter) before the next track starts; then the swipe ends. */
  readonly trackGapMs: number;
  /** Longest swipe accepted: tracks 1+2+3 are at most 79+40+107 characters, plus LRCs and Enters. */
  readonly maxLength: number;
}

export const DEFAULT_CARD_SWIPE: CardSwipeOptions = { maxGapMs: 30, trackGapMs: 120, maxLength: 256 };

/** 1 = '%' track; 2 = first ';' track; 3 = second ';' track (3-track readers). */
export type SwipeTrack = 1 | 2 | 3;

export type SwipeAbortReason =
  | 'timeout' // the reader stopped mid-track (swipe too slow or stopped half way)
  | 'malformed' // Enter/Tab inside a track
  | 'too-long'
  | 'interrupted'; // a non-character key (or a shortcut) mid-track

export interface SwipeSink {
  /**
   * The complete tracks exactly as typed (sentinels, LRC characters; Enter keys dropped). Pass it straight to
   * main and drop it: never put it in state, the DOM or a log.
   */
  swipe(tracks: string): void;
  /** The reader typed %E? / ;E? for every track it sent: "swipe again". */
  badRead(tracks: readonly SwipeTrack[]): void;
  /** A swipe started but produced no complete track; whatever was collected has been wiped. */
  aborted(reason: SwipeAbortReason): void;
}

export interface SwipeVerdict {
  /** Swallow this key: preventDefault + stopImmediatePropagation. */
  readonly consume: boolean;
  /**
   * Characters held back that turned out not to be a swipe ('%', ';', perhaps with a second key): insert them
   * where they would have gone, before this key's own default action. Never card data.
   */
  readonly replay: string;
}

type Mode =
  | 'idle'
  | 'held' // a sentinel arrived after silence: swipe or typing?
  | 'track' // inside a track, before its '?'
  | 'between' // after a '?': an LRC, Enter or the next track may follow
  | 'discard'; // an aborted swipe: swallow the rest of its burst

const IGNORED = new Set(['Shift', 'CapsLock']); // readers press Shift for '%', '^', '?' and capitals
const ASCII = /^[\x20-\x7e]$/;

export class CardSwipeDetector {
  private mode: Mode = 'idle';
  private held = '';
  private last = 0;
  private readonly buf: Uint8Array;
  private len = 0;
  /** Buffer length through the last complete track (and its LRC). */
  private complete = 0;
  private trackStart = 0;
  private lrcAllowed = false;
  private semicolons = 0;
  private tracks: { readonly track: SwipeTrack; readonly bad: boolean }[] = [];
  private trackNo: SwipeTrack = 1;
  /** A sentinel typed right after a '?' may be that track's LRC rather than the start of another track. */
  private sentinelMayBeLrc = false;
  /** Any key's time and kind, to tell a sentinel that starts a burst from one inside a barcode burst. */
  private prevKey = -Infinity;
  private prevWasTerminator = false;

  constructor(
    private readonly sink: SwipeSink,
    private readonly opts: CardSwipeOptions = DEFAULT_CARD_SWIPE,
  ) {
    this.buf = new Uint8Array(opts.maxLength);
  }

  key(k: WedgeKey): SwipeVerdict {
    if (IGNORED.has(k.key)) return { consume: this.mode !== 'idle' && this.mode !== 'held', replay: '' };
    const gap = k.time - this.last;
    const char = k.key.length === 1 && !k.modified && !k.composing && !k.repeat;
    const terminator = (k.key === 'Enter' || k.key === 'Tab') && !k.modified;
    // A swipe starts after silence or after the Enter ending an earlier burst, never inside a burst
    // (a barcode may contain '%' or ';').
    const burstStart = k.time - this.prevKey > this.opts.maxGapMs || this.prevWasTerminator;
    this.prevKey = k.time;
    this.prevWasTerminator = terminator;

    switch (this.mode) {
      case 'idle':
        return this.fresh(k, char && burstStart, '');

      case 'held': {
        const held = this.held;
        this.held = '';
        this.mode = 'idle';
        if (char && gap <= this.opts.maxGapMs && this.startsTrack(held, k.key)) {
          this.last = k.time;
          this.beginTrack(held);
          this.append(k.key);
          return { consume: true, replay: '' };
        }
        return this.fresh(k, char && burstStart, held);
      }

      case 'track':
        if (gap > this.opts.maxGapMs) {
          // The reader stalled mid-track. What follows soon after is still its tail (card data): swallow it.
          this.end('timeout');
          this.mode = 'discard';
          return this.discard(k, gap, char || terminator, char && burstStart);
        }
        this.last = k.time;
        if (terminator) return this.abort('malformed', true);
        if (!char) return this.abort('interrupted', false);
        if (!ASCII.test(k.key)) return this.abort('malformed', true);
        if (!this.append(k.key)) return this.abort('too-long', true);
        if (k.key === '?') this.closeTrack();
        return { consume: true, replay: '' };

      case 'between':
        if (gap > this.opts.trackGapMs) {
          this.end('timeout');
          return this.fresh(k, char && burstStart, '');
        }
        if (terminator) {
          this.last = k.time;
          this.lrcAllowed = false;
          return { consume: true, replay: '' };
        }
        if (char && (k.key === '%' || k.key === ';')) {
          // Inside a swipe a sentinel starts the next track at once (an LRC that happens to be '%' or ';' ends
          // up at the start of that "track"; main's track splitter tells the two apart).
          this.last = k.time;
          const mayBeLrc = this.lrcAllowed;
          this.beginTrack(k.key);
          this.sentinelMayBeLrc = mayBeLrc;
          return { consume: true, replay: '' };
        }
        if (char && this.lrcAllowed && ASCII.test(k.key)) {
          this.last = k.time;
          this.lrcAllowed = false;
          if (!this.append(k.key)) return this.abort('too-long', true);
          this.complete = this.len;
          return { consume: true, replay: '' };
        }
        // Anything else (a barcode, a person) comes after the swipe: deliver it, then handle the key afresh.
        this.end('timeout');
        return this.fresh(k, char && burstStart, '');

      case 'discard':
        return this.discard(k, gap, char || terminator, char && burstStart);
    }
  }

  /** Call when `deadline()` has passed. Returns held-back text to insert (a lone '%' someone typed), or ''. */
  tick(now: number): string {
    const deadline = this.deadline();
    if (deadline === null || now < deadline) return '';
    switch (this.mode) {
      case 'held': {
        const held = this.held;
        this.held = '';
        this.mode = 'idle';
        return held;
      }
      case 'track':
        this.end('timeout');
        this.mode = 'discard'; // a late tail of the stalled burst is still swallowed
        return '';
      case 'between':
        this.end('timeout');
        return '';
      default:
        this.mode = 'idle';
        return '';
    }
  }

  /** When the current state times out, or null when idle. */
  deadline(): number | null {
    switch (this.mode) {
      case 'idle':
        return null;
      case 'held':
      case 'track':
        return this.last + this.opts.maxGapMs + 1;
      case 'between':
      case 'discard':
        return this.last + this.opts.trackGapMs + 1;
    }
  }

  /** True while a swipe is being collected (the caller should not treat keys as typing or scans). */
  busy(): boolean {
    return this.mode !== 'idle';
  }

  /** Drops everything (e.g. the window lost focus), wiping any partial swipe. Nothing is reported. */
  reset(): void {
    this.buf.fill(0);
    this.len = 0;
    this.complete = 0;
    this.trackStart = 0;
    this.lrcAllowed = false;
    this.semicolons = 0;
    this.tracks = [];
    this.sentinelMayBeLrc = false;
    this.held = '';
    this.mode = 'idle';
  }

  /** A key seen while idle (or after the previous state ended); `replay` = text given back before it. */
  /** After an abort: keys of the same burst (`typed` = a character or Enter/Tab) are swallowed unseen. */
  private discard(k: WedgeKey, gap: number, typed: boolean, canStart: boolean): SwipeVerdict {
    if (typed && gap <= this.opts.trackGapMs) {
      this.last = k.time;
      return { consume: true, replay: '' };
    }
    this.mode = 'idle';
    return this.fresh(k, canStart, '');
  }

  /** `canStart`: a printable key that may begin a swipe. */
  private fresh(k: WedgeKey, canStart: boolean, replay: string): SwipeVerdict {
    if (canStart && (k.key === '%' || k.key === ';')) {
      this.mode = 'held';
      this.held = k.key;
      this.last = k.time;
      return { consume: true, replay };
    }
    return { consume: false, replay };
  }

  /** Only a committed swipe is collected: '%' must be followed by format code B (or E for a bad read), ';' by a PAN digit (or E). */
  private startsTrack(sentinel: string, next: string): boolean {
    if (next === 'E') return true;
    return sentinel === '%' ? next === 'B' : next >= '0' && next <= '9';
  }

  private beginTrack(sentinel: string): void {
    this.mode = 'track';
    this.sentinelMayBeLrc = false;
    this.trackStart = this.len;
    if (sentinel === '%') this.trackNo = 1;
    else this.trackNo = ++this.semicolons >= 2 ? 3 : 2;
    this.append(sentinel);
  }

  private append(c: string): boolean {
    if (this.len >= this.buf.length) return false;
    this.buf[this.len++] = c.charCodeAt(0);
    return true;
  }

  private closeTrack(): void {
    const E = 0x45;
    const bad = this.len - this.trackStart === 3 && this.buf[this.trackStart + 1] === E;
    this.tracks.push({ track: this.trackNo, bad });
    this.complete = this.len;
    this.lrcAllowed = true;
    this.mode = 'between';
  }

  /** Ends the swipe now; the key that caused it is swallowed when `consume` and the burst's tail discarded. */
  private abort(reason: SwipeAbortReason, consume: boolean): SwipeVerdict {
    this.end(reason);
    this.mode = 'discard';
    return { consume, replay: '' };
  }

  /** Delivers the complete tracks (if any), reports otherwise, and wipes. A partial last track is dropped. */
  private end(reason: SwipeAbortReason): void {
    // A lone '%' / ';' right after a '?' with nothing after it was that track's LRC: keep it.
    if (this.mode === 'track' && this.sentinelMayBeLrc && this.len === this.trackStart + 1) {
      this.complete = this.len;
    }
    const complete = this.complete;
    const tracks = this.tracks;
    let text: string | null = null;
    if (tracks.some((t) => !t.bad)) text = String.fromCharCode(...this.buf.subarray(0, complete));
    this.reset();
    if (text !== null) this.sink.swipe(text);
    else if (tracks.length > 0) this.sink.badRead(tracks.map((t) => t.track));
    else this.sink.aborted(reason);
  }
}
