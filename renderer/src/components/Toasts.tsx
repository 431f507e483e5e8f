import { useEffect, useRef } from 'react';
import type { Toast } from '../app/session';
import { useI18n } from '../i18n/context';
import { TID } from '../testids';

const LIFETIME_MS = { error: 8_000, info: 4_000 } as const;

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const { t } = useI18n();
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });
  // Timed from the toast's creation only: re-renders of the screen must not keep it alive.
  useEffect(() => {
    const timer = setTimeout(() => dismiss.current(toast.id), LIFETIME_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [toast.id, toast.tone]);
  return (
    <div className={`toast ${toast.tone}`} data-testid={TID.toast} data-key={toast.key}>
      <span className="toast-text">{t(toast.key, toast.values)}</span>
      {/* tabIndex -1: reachable by touch/mouse without ever pulling keyboard focus from the cashier. */}
      <button
        type="button"
        className="toast-close"
        tabIndex={-1}
        aria-label={t('toast.dismiss')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

/** Non-blocking messages: never take focus, so scanning and typing carry on. */
export function Toasts({ toasts, onDismiss }: { toasts: readonly Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
