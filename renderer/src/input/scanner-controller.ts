// Glue between raw key events and the WedgeDetector: swallows what the detector claims, restores or
// refills the focused text field, and hands recognised scans/swipes to a sink. No DOM types, so it is
// tested in Node with a fake field.
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
  scan(code: string): void;
  /** A magstripe swipe. Deliberately no data: track contents never leave the detector. */
  card(): void;
}

export class ScannerController<S> {
  private snap: S | null = null;

  constructor(
    private readonly field: FieldPort<S>,
    private readonly sink: ScanSink,
    private readonly detector = new WedgeDetector(),
  ) {}

  handleKey(e: KeyEventLike): void {
    const verdict = this.detector.key({
      key: e.key,
      time: e.timeStamp,
      repeat: e.repeat,
      modified: e.ctrlKey || e.altKey || e.metaKey,
      composing: e.isComposing || e.key === 'Process',
    });
    this.apply(verdict.outcomes);
    if (verdict.burstStart) this.snap = this.field.snapshot();
    if (verdict.consume) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }

  tick(now: number): void {
    this.apply(this.detector.tick(now));
  }

  deadline(): number | null {
    return this.detector.deadline();
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
      if (o.kind === 'scan') this.sink.scan(o.code.trim());
      else this.sink.card();
    }
  }
}
