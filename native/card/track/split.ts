// Splits one keyboard-wedge burst into its tracks. A reader may type track 1, track 2 (and track 3) back to
// back or with Enter between them, each optionally followed by its LRC character. Nothing here interprets
// field contents; it only finds where each track starts and ends.
import { trackFail, trackOk, type TrackResult } from './errors';

export interface RawTrack {
  /** 1 for '%'; 2 for the first ';'; 3 for a second ';' (3-track readers). */
  readonly track: 1 | 2 | 3;
  /** Start sentinel .. end sentinel inclusive; null when the track never reached its '?'. */
  readonly text: string | null;
  /** The character typed right after the end sentinel, when the reader sends one. */
  readonly lrc: string | null;
  /** 1-based position of the start sentinel in the burst. */
  readonly position: number;
}

const isStart = (c: string | undefined): boolean => c === '%' || c === ';';
// Enter / Tab / spaces between tracks are the reader's keystroke suffixes, not data.
const isGap = (c: string | undefined): boolean => c === '\r' || c === '\n' || c === '\t' || c === ' ';

/**
 * Finds the tracks in `burst`. A track cut short (no '?' before the next start sentinel or the end) comes back
 * with text null; the caller decides what that means.
 */
export function splitTracks(burst: string): TrackResult<readonly RawTrack[]> {
  const tracks: RawTrack[] = [];
  let i = 0;
  let semicolons = 0;
  while (i < burst.length) {
    if (isGap(burst[i])) {
      i++;
      continue;
    }
    const sentinel = burst[i];
    if (!isStart(sentinel)) {
      return tracks.length === 0
        ? trackFail(null, 'missing-start-sentinel', 'The swipe does not start with "%" or ";".')
        : trackFail(
            null,
            'unexpected-text',
            `Unexpected character at position ${i + 1}, outside any track.`,
            {
              position: i + 1,
            },
          );
    }
    let track: 1 | 2 | 3;
    if (sentinel === '%') {
      if (tracks.some((t) => t.track === 1)) {
        return trackFail(1, 'duplicate-track', `A second track 1 starts at position ${i + 1}.`, {
          position: i + 1,
        });
      }
      track = 1;
    } else {
      semicolons++;
      if (semicolons > 2) {
        return trackFail(null, 'duplicate-track', `A fourth track starts at position ${i + 1}.`, {
          position: i + 1,
        });
      }
      track = semicolons === 1 ? 2 : 3;
    }

    // The track ends at the first '?'; a start sentinel before it means this track was cut short. (';' is a
    // legal track 1 character in theory, but never occurs on payment cards.)
    let end = i + 1;
    while (end < burst.length && burst[end] !== '?' && !isStart(burst[end])) end++;
    if (burst[end] !== '?') {
      tracks.push({ track, text: null, lrc: null, position: i + 1 });
      i = end;
      continue;
    }
    const text = burst.slice(i, end + 1);
    // An LRC can itself be '%', ';' or '?'. A following character is a new track only when it is a start
    // sentinel followed by something a track can begin with (a digit, 'B', 'E'...), not by a gap,
    // another sentinel or the end of the burst.
    const next = burst[end + 1];
    const after = burst[end + 2];
    const startsTrack =
      isStart(next) && after !== undefined && !isGap(after) && !isStart(after) && after !== '?';
    const lrc = next !== undefined && !isGap(next) && !startsTrack ? next : null;
    tracks.push({ track, text, lrc, position: i + 1 });
    i = end + 1 + (lrc === null ? 0 : 1);
  }
  if (tracks.length === 0) return trackFail(null, 'empty', 'The swipe is empty.');
  return trackOk(tracks);
}
