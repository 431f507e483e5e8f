// Glue between raw key events and the two detectors: the CardSwipeDetector sees every key first (so not even
// a fragment of track data reaches a field or the barcode detector), then the WedgeDetector finds barcode
// scans. Swallows what either claims, restores or refills the focused text field, and hands recognised scans
// and swipes to a sink. No DOM types, so it is tested in Node with a fake field.
import { CardSwipeDetector, type SwipeSink } from './card-swipe';
import { WedgeDetector, type WedgeOutcome } from './wedge';

export interface KeyEventLike {
  readonly key: string;
  readonly timeStamp: number;
  readonly repeat: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  readonly isComposing: boolean;
  preventDefault(): void;
  stopImmediatePropagation(): void;
}

/** The focused text field, abstracted. `S` is whatever a snapshot needs (element, value, caret). */
export interface FieldPort<S> {
  snapshot(): S | null;
  restore(snapshot: S): void;
  insert(text: string): void;
}

export interface ScanSink {
  /** `terminator`: what ended the burst (the scanner's suffix, or silence); the scanner test shows it. */
  scan(code: string, terminator: 'enter' | 'tab' | 'timeout'): void;
  /**
   * A complete magstripe swipe, exactly as the reader typed it. Pass it straight to main (payment.wedgeSwipe)
   * and drop it: never put it in state, the DOM, a toast or a log.
   */
  swipe(tracks: string): void;
  /** A swipe the reader could not read (or that stopped half way): "swipe again". Carries no data. */
  badSwipe(): void;
}

export class ScannerController<S> {
  private snap: S | null = null;
  private readonly card: CardSwipeDetector;

  constructor(
    private readonly field: FieldPort<S>,
    private readonly sink: ScanSink,
    private readonly detector = new WedgeDetector(),
  ) {
    const swipes: SwipeSink = {
      swipe: (tracks) => sink.swipe(tracks),
      badRead: () => sink.badSwipe(),
      // A swipe that produced no track at all; a lone '%' typed by a person never gets here (it is replayed).
      aborted: () => sink.badSwipe(),
    };
    this.card = new CardSwipeDetector(swipes);
  }

  handleKey(e: KeyEventLike): void {
    const key = {
      key: e.key,
      time: e.timeStamp,
      repeat: e.repeat,
      modified: e.ctrlKey || e.altKey || e.metaKey,
      composing: e.isComposing || e.key === 'Process',
    };
    const swipe = this.card.key(key);
    if (swipe.replay) this.field.insert(swipe.replay); // a '%' someone typed, given back before this key
    if (swipe.consume) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return; // part of a swipe: the barcode detector never sees card data
    }
    const verdict = this.detector.key(key);
    this.apply(verdict.outcomes);
    if (verdict.burstStart) this.snap = this.field.snapshot();
    if (verdict.consume) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }

  tick(now: number): void {
    const replay = this.card.tick(now);
    if (replay) this.field.insert(replay);
    this.apply(this.detector.tick(now));
  }

  deadline(): number | null {
    const both = [this.card.deadline(), this.detector.deadline()].filter((d) => d !== null);
    return both.length === 0 ? null : Math.min(...both);
  }

  /** The window lost focus: a half-read swipe is wiped, never completed later. */
  reset(): void {
    this.card.reset();
  }

  private apply(outcomes: readonly WedgeOutcome[]): void {
    for (const o of outcomes) {
      if (o.kind === 'replay') {
        this.field.insert(o.text);
        continue;
      }
      // The first keys of the burst were typed into the field before we knew: take them back out.
      if (o.kind === 'scan' && o.passed > 0 && this.snap !== null) this.field.restore(this.snap);
      this.snap = null;
      // The barcode detector's own card recognition only fires for a sentinel the swipe detector passed on
      // (never a real swipe): there is no data to act on, so ask for the card again.
      if (o.kind === 'scan') this.sink.scan(o.code.trim(), o.terminator);
      else this.sink.badSwipe();
    }
  }
}
