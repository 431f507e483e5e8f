// One window-level keydown listener in the capture phase, so scans work whatever has focus (or nothing),
// and a recognised burst is swallowed before any field or shortcut handler sees it.
import { useEffect, useRef } from 'react';
import { domField } from './dom-field';
import { ScannerController, type ScanSink } from './scanner-controller';

export function useScanner(sink: ScanSink): void {
  const sinkRef = useRef(sink);
  useEffect(() => {
    sinkRef.current = sink;
  });

  useEffect(() => {
    const controller = new ScannerController(domField, {
      scan: (code) => sinkRef.current.scan(code),
      card: () => sinkRef.current.card(),
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Bursts without Enter, and held card sentinels, end on silence: wake up at the detector's deadline.
    const schedule = (): void => {
      clearTimeout(timer);
      const deadline = controller.deadline();
      if (deadline === null) return;
      timer = setTimeout(
        () => {
          controller.tick(performance.now());
          schedule();
        },
        Math.max(0, deadline - performance.now()),
      );
    };
    const onKeyDown = (e: KeyboardEvent): void => {
      controller.handleKey(e);
      schedule();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      clearTimeout(timer);
    };
  }, []);
}
