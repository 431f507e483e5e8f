import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  readonly title: ReactNode;
  readonly onClose: () => void;
  readonly testId: string;
  readonly size?: 'normal' | 'wide';
  /** Keys the dialog handles itself (Enter, quick keys); return true when handled. */
  readonly onKey?: (e: KeyboardEvent<HTMLDivElement>) => boolean;
  readonly children: ReactNode;
}

/** Enter typed in a field (not on a button, which has its own meaning): the dialog's "OK". */
export const isEnterInField = (e: KeyboardEvent): boolean =>
  e.key === 'Enter' && !(e.target instanceof HTMLButtonElement) && !e.nativeEvent.isComposing;

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal layer: the rest of the screen is made `inert` by the caller, Tab stays inside, Esc closes, and
 * focus returns to where it was (usually the search box) when the dialog goes away.
 */
export function Modal({ title, onClose, testId, size = 'normal', onKey, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // Captured during the first render, before an autoFocus inside the dialog moves focus.
  const [previous] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );

  useEffect(() => {
    const box = ref.current;
    if (box && !box.contains(document.activeElement)) box.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, [previous]);

  // A dialog whose content changes (a payment moving from "sending" to "declined") can remove the focused
  // button; focus then falls to <body> and Esc, Enter and F-keys would no longer reach the dialog. Take it
  // back, unless a dialog on top of this one (which makes this one inert) has it.
  useEffect(() => {
    const box = ref.current;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!box || !lost || box.closest('[inert]')) return;
    (box.querySelector<HTMLElement>(FOCUSABLE) ?? box).focus();
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (onKey?.(e)) {
      e.preventDefault();
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') {
      const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div className="modal-layer">
      <div
        ref={ref}
        className={`modal ${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <h2 className="modal-title" id={titleId}>
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
