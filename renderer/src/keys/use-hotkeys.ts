import { useEffect, useLayoutEffect, useRef } from 'react';
import { actionForKey, isFunctionKey, type HotkeyAction } from './bindings';

export type HotkeyHandlers = Partial<Record<HotkeyAction, () => void>>;

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(target.type))
  );
}

/**
 * Global shortcuts (bubble phase, after dialogs and fields had their say). While `enabled` is false (a
 * dialog or the change screen is up) only the browser defaults of F-keys are suppressed, so F5 can never
 * reload the till mid-sale.
 */
export function useHotkeys(handlers: HotkeyHandlers, enabled: boolean): void {
  const ref = useRef({ handlers, enabled });
  // Before paint, not after: a key pressed the moment a change shows (an F12 right after a scanned line
  // appears) must reach the handlers that see that change, not the ones from the render before.
  useLayoutEffect(() => {
    ref.current = { handlers, enabled };
  });

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      const fkey = isFunctionKey(e.key);
      if (fkey && e.key !== 'F11') e.preventDefault();
      if (e.defaultPrevented && !fkey) return;
      if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
      const { handlers: current, enabled: on } = ref.current;
      const action = actionForKey(e.key, e.shiftKey);
      if (!on || !action) return;
      if (!fkey && isTextField(e.target)) return;
      const handler = current[action];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
