// Shared by the renderer UI tests and the end-to-end tests.
import type { Page } from 'playwright-core';

/**
 * A keyboard-wedge device: keys sent through CDP with explicit timestamps `gapMs` apart, all in one go (not
 * awaited one by one), so they arrive queued together like real device input even on a busy machine.
 */
export async function keyBurst(page: Page, keys: readonly string[], gapMs = 4): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
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
  await Promise.all(sends);
  await cdp.detach();
}
