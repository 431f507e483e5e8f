// Errors nobody caught in the page (window.onerror, an unhandled rejection, the error boundary) go to main's
// log file through app.reportError: an installed app has no DevTools console to read. Cut to the contract's
// caps here; main redacts card data at the log's sink. A report that fails is dropped (never retried in a loop).
import { ERROR_REPORT_LIMITS } from '@contract/error-report';
import { getPos } from './pos';

export type ErrorSource = 'error' | 'unhandledrejection' | 'render';

const cut = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

/** The message and stack of whatever was thrown, within the caps. */
export function errorReport(
  source: ErrorSource,
  thrown: unknown,
): { source: ErrorSource; message: string; stack?: string } {
  const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  const stack = thrown instanceof Error ? thrown.stack : undefined;
  return {
    source,
    message: cut(message, ERROR_REPORT_LIMITS.message),
    ...(stack === undefined ? {} : { stack: cut(stack, ERROR_REPORT_LIMITS.stack) }),
  };
}

export function reportError(source: ErrorSource, thrown: unknown): void {
  void getPos()
    .then((pos) => pos.app.reportError(errorReport(source, thrown)))
    .catch(() => undefined);
}

/** Installs the window's handlers once, at start. */
export function installErrorReporting(target: Window = window): void {
  target.addEventListener('error', (e) => reportError('error', e.error ?? e.message));
  target.addEventListener('unhandledrejection', (e) => reportError('unhandledrejection', e.reason));
}
