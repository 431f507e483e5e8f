// What the page tells main about an error nobody caught (app.reportError): the name, message and stack of
// whatever was thrown, cut to the contract's caps. No DOM here, so it is tested in Node.
import { ERROR_REPORT_LIMITS } from '@contract/error-report';

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
