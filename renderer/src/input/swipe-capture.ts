// A screen that tests a keyboard-wedge reader (the device settings' test swipe) takes the next swipe for
// itself: the scanner recognises the burst and swallows it as always, and this one swipe goes to that screen
// instead of to a card payment. One capture at a time, used once.
export interface SwipeCapture {
  swipe(tracks: string): void;
  badSwipe(): void;
}

let waiting: SwipeCapture | null = null;

/** The next swipe goes to `c`; returns the cancel (a no-op once it was used or replaced). */
export function captureNextSwipe(c: SwipeCapture): () => void {
  waiting = c;
  return () => {
    if (waiting === c) waiting = null;
  };
}

/** The capture waiting for this swipe (removed: it is used once), or null. */
export function takeSwipeCapture(): SwipeCapture | null {
  const c = waiting;
  waiting = null;
  return c;
}
