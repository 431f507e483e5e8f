// What the screen knows about the receipt printer, merged from two sources: the pushed status slot
// (`detail` text such as 'paper-out; 2 waiting') and, when available, the richer `printer.status` answer.
// Pure, so the parsing rules are easy to test.
import type { DeviceState, PrinterStatusView, StatusView } from '@contract/contract';

export interface PrinterInfo {
  readonly state: DeviceState;
  /** main's problem code ('paper-out', 'cover-open', ...) or null */
  readonly problem: string | null;
  /** receipts waiting in the queue, or null when unknown */
  readonly waiting: number | null;
  readonly printing: number | null;
  readonly lastError: string | null;
  /** cash drawer open (true) / closed (false), or null when the printer does not report it */
  readonly drawerOpen: boolean | null;
}

const PROBLEMS = [
  'paper-out',
  'cover-open',
  'offline',
  'disconnected',
  'cutter-error',
  'error',
  'paper-near-end',
] as const;

/** ICU select keys cannot contain '-': 'paper-out' -> 'paperOut'; unknown codes -> 'other'. */
export const problemKey = (problem: string): string =>
  (PROBLEMS as readonly string[]).includes(problem)
    ? problem.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
    : 'other';

/**
 * The status slot's detail: 'paper-out; 2 waiting', '2 waiting', 'cover-open', 'emulated', ...
 * Parts are separated by ';' or ','; a part that is a known problem code is the problem, '<n> waiting'
 * (or 'waiting: n') is the queue; anything else is ignored.
 */
export function parsePrinterDetail(detail: string | null): {
  problem: string | null;
  waiting: number | null;
} {
  let problem: string | null = null;
  let waiting: number | null = null;
  for (const raw of (detail ?? '').split(/[;,]/)) {
    const part = raw.trim().toLowerCase().replace(/_/g, '-');
    if (part === '') continue;
    const n = /^(\d{1,6})\s+waiting$/.exec(part) ?? /^waiting\s*[:=]?\s*(\d{1,6})$/.exec(part);
    if (n?.[1] !== undefined) waiting = Number(n[1]);
    else if (problem === null && (PROBLEMS as readonly string[]).includes(part)) problem = part;
  }
  return { problem, waiting };
}

/** The detailed answer wins when we have one; otherwise what the pushed detail text tells. */
export function printerInfo(
  status: StatusView | null,
  detailed: PrinterStatusView | null,
): PrinterInfo | null {
  if (detailed) {
    return {
      state: detailed.state,
      problem: detailed.problem,
      waiting: detailed.queue.waiting,
      printing: detailed.queue.printing,
      lastError: detailed.lastError,
      drawerOpen: detailed.drawerOpen,
    };
  }
  if (!status) return null;
  const parsed = parsePrinterDetail(status.printer.detail);
  return { state: status.printer.state, ...parsed, printing: null, lastError: null, drawerOpen: null };
}

/** A problem that means receipts are not coming out (a low-paper warning still prints). */
export const blocksPrinting = (info: PrinterInfo | null): boolean =>
  info !== null &&
  ((info.problem !== null && info.problem !== 'paper-near-end') ||
    info.state === 'offline' ||
    info.state === 'error');

/** Only a PNG data URL is ever put in an <img> (the CSP allows data: images, nothing else external). */
export const isPngDataUrl = (s: string | null): s is string =>
  s !== null && /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/.test(s);
