// PosError -> catalog message. Main's `message` is English for logs; the cashier sees `error.<CODE>`,
// filled from `detail` where that helps them act (which barcode, which CSV lines).
import type { ErrorCode, PosError } from '@contract/result';
import type { MessageKey, MessageValues } from './translate';

export type ErrorKey = `error.${ErrorCode}`;

export interface ErrorContext {
  /** what the cashier scanned or typed, when main's detail does not echo it */
  readonly code?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** main's `detail.reason` ("check-digit", "non-digit", ...) -> the catalogs' select keys (ICU keys cannot contain '-'). */
const BARCODE_REASONS: Readonly<Record<string, string>> = {
  empty: 'empty',
  'check-digit': 'checkDigit',
  length: 'length',
  'non-digit': 'characters',
  'control-character': 'characters',
  'payment-code': 'paymentCode',
  'zero-value': 'zeroValue',
  'unit-mismatch': 'unitMismatch',
};

const barcodeReason = (reason: unknown): string => BARCODE_REASONS[str(reason) ?? ''] ?? 'other';

const MAX_LINES_SHOWN = 5;

/** "14:05", the till's local clock: when a locked operator can try again (today, minutes are enough). */
function clockTime(iso: unknown): string | undefined {
  const at = typeof iso === 'string' ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime())) return undefined;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** Line numbers from CSV_INVALID detail: `errors: [{ line, ... }]` (or `lines: number[]`). */
function csvLines(detail: Readonly<Record<string, unknown>>): number[] {
  const raw = Array.isArray(detail['errors'])
    ? detail['errors']
    : Array.isArray(detail['lines'])
      ? detail['lines']
      : [];
  const lines: number[] = [];
  for (const e of raw as unknown[]) {
    const n =
      typeof e === 'number'
        ? e
        : ((e as { line?: unknown; row?: unknown } | null)?.line ?? (e as { row?: unknown } | null)?.row);
    if (typeof n === 'number' && Number.isSafeInteger(n)) lines.push(n);
  }
  return lines;
}

// main/reconciliation/formats/refuse.ts's reasons as the catalog's select keys; the rest read generically.
const SETTLEMENT_REASONS: Readonly<Record<string, string>> = {
  'unknown-layout': 'unknownLayout',
  header: 'header',
  encoding: 'encoding',
  summary: 'summary',
  truncated: 'truncated',
};
const settlementReason = (reason: unknown): string =>
  (typeof reason === 'string' ? SETTLEMENT_REASONS[reason] : undefined) ?? 'other';

export function errorMessage(
  error: PosError,
  ctx: ErrorContext = {},
): { key: MessageKey; values: MessageValues } {
  const detail = error.detail ?? {};
  const key: ErrorKey = `error.${error.code}`;
  switch (error.code) {
    case 'BARCODE_MALFORMED':
    case 'BARCODE_UNKNOWN': {
      const reason = barcodeReason(detail['reason']);
      // A customer's payment code is never echoed back on screen (main does not echo it either).
      const code =
        reason === 'paymentCode' ? '' : (str(detail['code']) ?? str(detail['input']) ?? ctx.code ?? '');
      return { key, values: { code, reason } };
    }
    case 'CSV_INVALID': {
      const lines = csvLines(detail);
      const shown = lines.slice(0, MAX_LINES_SHOWN).join(', ');
      return {
        key,
        values: {
          count: lines.length,
          lines: lines.length > MAX_LINES_SHOWN ? `${shown} …` : shown,
        },
      };
    }
    case 'APPROVAL_LOCKED': {
      const time = clockTime(detail['lockedUntil']);
      return { key, values: time === undefined ? { reason: 'other' } : { reason: 'until', time } };
    }
    case 'INTERNAL':
      return { key, values: { reason: detail['reason'] === 'connection-lost' ? 'connection' : 'other' } };
    case 'PAYMENT_DECLINED':
    case 'REFUND_REFUSED':
      return { key, values: { message: str(detail['message']) ?? 'none' } };
    case 'OFFLINE_LIMIT':
      return {
        key,
        values: {
          limit: str(detail['limit']) ?? 'other',
          // main sends money caps as text ("500.00 CNY") and the count cap as a number
          cap: typeof detail['cap'] === 'number' ? String(detail['cap']) : (str(detail['cap']) ?? ''),
          overridable: detail['overridable'] === true ? 'yes' : 'no',
        },
      };
    case 'SHIFT_NOT_OPEN':
      return { key, values: { state: str(detail['state']) ?? 'other' } };
    case 'RESOLUTION_NOT_ALLOWED':
      return { key, values: { reason: str(detail['reason']) ?? 'other' } };
    case 'SETTLEMENT_INVALID':
      return {
        key,
        values: {
          reason: settlementReason(detail['reason']),
          line: typeof detail['line'] === 'number' ? String(detail['line']) : '?',
          column:
            str(detail['column']) ?? (typeof detail['column'] === 'number' ? String(detail['column']) : ''),
        },
      };
    default:
      return { key, values: {} };
  }
}
