// A whole keyboard-wedge swipe -> the card, or why not. Either track is enough to pay with; when both are
// read they must agree. A track that failed while the other one is fine is reported as an issue, not a
// failure (the reader checked each track's parity and LRC on its own).
import { TrackError, trackFail, type TrackResult } from './errors';
import { lrcChar } from './lrc';
import { luhnValid } from './luhn';
import { splitTracks, type RawTrack } from './split';
import { parseTrack1, type Track1 } from './track1';
import { parseTrack2, type Track2 } from './track2';

export interface SwipedCard {
  readonly pan: string;
  /** YYMM */
  readonly expiry: string;
  readonly serviceCode: string;
  /** Track 1 only; null when only track 2 was read. Not to be persisted. */
  readonly name: string | null;
  /** Informational: real test cards fail it, so a swipe is not rejected on this alone. */
  readonly luhnValid: boolean;
  /**
   * The tracks as read (sentinel to sentinel, LRC dropped), for sealing to the gateway. Turn into bytes with
   * asciiBytes(), seal, wipe; never store, log or send them anywhere else.
   */
  readonly tracks: { readonly track1: string | null; readonly track2: string | null };
}

export type SwipeResult =
  | {
      readonly ok: true;
      readonly card: SwipedCard;
      /** Tracks that failed while another one succeeded (e.g. %E? before a good track 2). */
      readonly issues: readonly TrackError[];
    }
  | {
      readonly ok: false;
      /** The first problem, for the cashier; `errors` has one per failed track. */
      readonly error: TrackError;
      readonly errors: readonly TrackError[];
    };

function fail(errors: readonly TrackError[]): SwipeResult {
  const [error] = errors;
  if (error === undefined) throw new Error('fail() needs at least one error');
  return { ok: false, error, errors };
}

function checked<T>(raw: RawTrack, kind: 1 | 2, parse: (text: string) => TrackResult<T>): TrackResult<T> {
  if (raw.text === null) return trackFail(kind, 'missing-end-sentinel', 'The track was cut short (no "?").');
  const parsed = parse(raw.text);
  if (!parsed.ok) return parsed;
  if (raw.lrc !== null && raw.lrc !== lrcChar(kind, raw.text)) {
    return trackFail(kind, 'lrc-mismatch', 'The LRC character does not match the track: a corrupted read.');
  }
  return parsed;
}

/**
 * Parses what a keyboard-wedge reader typed for one swipe: track 1 and/or track 2, optional LRC characters,
 * Enter between or after tracks. A track 3 is recognised and ignored (its content is not kept).
 */
export function parseSwipe(burst: string): SwipeResult {
  const split = splitTracks(burst);
  if (!split.ok) return fail([split.error]);

  let t1: TrackResult<Track1> | null = null;
  let t2: TrackResult<Track2> | null = null;
  let text1: string | null = null;
  let text2: string | null = null;
  for (const raw of split.value) {
    if (raw.track === 1) {
      t1 = checked(raw, 1, parseTrack1);
      text1 = raw.text;
    } else if (raw.track === 2) {
      t2 = checked(raw, 2, parseTrack2);
      text2 = raw.text;
    }
  }

  const errors = [t1, t2].flatMap((r) => (r !== null && !r.ok ? [r.error] : []));
  const a = t1?.ok ? t1.value : null;
  const b = t2?.ok ? t2.value : null;
  if (a === null && b === null) {
    return fail(
      errors.length > 0 ? errors : [new TrackError(null, 'empty', 'The swipe holds no card track.')],
    );
  }
  if (a !== null && b !== null && (a.pan !== b.pan || a.expiry !== b.expiry)) {
    const what = a.pan !== b.pan ? 'PAN' : 'expiry';
    return fail([
      new TrackError(null, 'tracks-disagree', `Track 1 and track 2 carry a different ${what}.`, {
        field: what,
      }),
    ]);
  }
  const main = b ?? a;
  if (main === null) throw new Error('unreachable: one track is known to be present');
  return {
    ok: true,
    card: {
      pan: main.pan,
      expiry: main.expiry,
      serviceCode: main.serviceCode,
      name: a?.name ?? null,
      luhnValid: luhnValid(main.pan),
      tracks: { track1: a === null ? null : text1, track2: b === null ? null : text2 },
    },
    issues: errors,
  };
}
