// Errors nobody caught in the page (window.onerror, an unhandled rejection, the error boundary) go to main's
// log file through app.reportError: an installed app has no DevTools console to read. Cut to the contract's
// caps (error-report-payload.ts); main redacts card data at the log's sink. A report that fails is dropped.
import { errorReport, type ErrorSource } from './error-report-payload';
import { getPos } from './pos';

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
