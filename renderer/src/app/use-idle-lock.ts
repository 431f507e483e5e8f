// The idle lock's timer (issue 13 point 1): a signed-in, unlocked till with no keyboard, scanner (a wedge
// scanner types keys) or touch input for `minutes` asks main to lock (session.lock). Main holds the lock and
// tells every window through the status bar's `signedIn.locked`; this only measures the quiet time.
import { useEffect } from 'react';
import { getPos } from '../platform/pos';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'touchstart', 'wheel'] as const;

async function lockTill(): Promise<void> {
  await (await getPos()).session.lock({}); // the status event that follows shows the lock screen
}

/** `armed`: someone is signed in and the till is not locked already. `minutes` 0: never. */
export function useIdleLock(minutes: number, armed: boolean): void {
  useEffect(() => {
    if (!armed || minutes <= 0) return;
    const ms = minutes * 60_000;
    let timer = window.setTimeout(() => void lockTill(), ms);
    const restart = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void lockTill(), ms);
    };
    const options = { capture: true, passive: true };
    for (const e of INPUT_EVENTS) window.addEventListener(e, restart, options);
    return () => {
      window.clearTimeout(timer);
      for (const e of INPUT_EVENTS) window.removeEventListener(e, restart, options);
    };
  }, [minutes, armed]);
}
