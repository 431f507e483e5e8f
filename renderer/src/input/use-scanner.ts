// One window-level keydown listener in the capture phase, so scans work whatever has focus (or nothing),
// and a recognised burst is swallowed before any field or shortcut handler sees it.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { domField } from './dom-field';
import { ScannerController, type ScanSink } from './scanner-controller';

export function useScanner(sink: ScanSink): void {
  const sinkRef = useRef(sink);
  // Before paint (see use-hotkeys): a scan right after a change goes to the sink that knows about it.
  useLayoutEffect(() => {
    sinkRef.current = sink;
  });

  useEffect(() => {
    const controller = new ScannerController(domField, {
      scan: (code, terminator) => sinkRef.current.scan(code, terminator),
      // Straight through: the tracks are not kept here either.
      swipe: (tracks) => sinkRef.current.swipe(tracks),
      badSwipe: () => sinkRef.current.badSwipe(),
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Gaps are measured on event timestamps (when the keys were pressed), but silence must be measured from
    // when the last key was *delivered*: if the page was busy, queued keys arrive late yet belong together.
    // `skew` maps the wall clock onto the event clock as of the latest key.
    let skew = 0;
    const now = (): number => performance.now() + skew;
    const schedule = (): void => {
      clearTimeout(timer);
      const deadline = controller.deadline();
      if (deadline === null) return;
      timer = setTimeout(
        () => {
          controller.tick(now());
          schedule();
        },
        Math.max(0, deadline - now()),
      );
    };
    const onKeyDown = (e: KeyboardEvent): void => {
      skew = e.timeStamp - performance.now();
      controller.handleKey(e);
      schedule();
    };
    // Focus moving away mid-swipe must not leave half a track waiting to be completed by later keys.
    const onBlur = (): void => controller.reset();
    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('blur', onBlur);
    // Marks when scans can be taken (effects run after the first paint): tests and support tools wait on it.
    document.documentElement.dataset['scanner'] = 'ready';
    return () => {
      delete document.documentElement.dataset['scanner'];
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('blur', onBlur);
      clearTimeout(timer);
    };
  }, []);
}
