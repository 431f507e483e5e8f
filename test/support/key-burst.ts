// Shared by the renderer UI tests and the end-to-end tests.
import type { Page } from 'playwright-core';

/** How long the page's main thread is held while a burst is queued (see keyBurst): longer bursts take longer to send. */
const holdMs = (keys: number): number => Math.min(1_500, 100 + keys * 6);

/**
 * A keyboard-wedge device: keys sent through CDP with explicit timestamps `gapMs` apart. The page's main
 * thread is held busy while they are sent, so they queue up in the renderer and are handled back to back, as a
 * real device's keys are on a busy till. Without the hold, each CDP key is a browser-renderer round trip, and
 * on a loaded test machine a round trip can take longer than the gap the detectors rightly read as the end of
 * a burst (measured: 20 keys sent during a hold are all handled within ~5 ms of its end).
 */
export async function keyBurst(page: Page, keys: readonly string[], gapMs = 4): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const hold = page.evaluate(
    `(() => { const end = performance.now() + ${holdMs(keys.length)}; while (performance.now() < end) {} })()`,
  );
  await new Promise((r) => setTimeout(r, 15)); // let the hold begin before the first key is sent
  const t0 = Date.now() / 1000;
  const sends = keys.flatMap((key, i) => {
    const timestamp = t0 + (i * gapMs) / 1000;
    const enter = key === 'Enter';
    const down = { type: 'keyDown', key, text: enter ? '\r' : key, timestamp } as const;
    return [
      cdp.send(
        'Input.dispatchKeyEvent',
        enter ? { ...down, code: 'Enter', windowsVirtualKeyCode: 13 } : down,
      ),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, timestamp: timestamp + 0.001 }),
    ];
  });
  await Promise.all([...sends, hold]);
  await cdp.detach();
}
