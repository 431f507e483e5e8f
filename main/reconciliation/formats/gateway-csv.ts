// The gateway's settlement exported as CSV (UTF-8): a header row, one row per payment (the JSON's payment
// fields but saleRef, last4 and storedOffline), then a totals header row and one totals row, the same
// figures as the JSON's `totals`. docs/settlement-formats.md.
import { ReferenceSchema } from '../../gateway/protocol/schemas';
import type { SettlementSummary } from '../settlement-row';
import { checkGatewayTotals, gatewayPaymentRows, PaymentCount, type GatewayPayment } from './gateway-rows';
import { checkHeader, fieldsOf } from './layout';
import { parseMinor } from './money';
import type { SettlementParser } from './parser';
import { refuse, summaryAtEnd } from './refuse';

export const GATEWAY_CSV_COLUMNS = [
  'businessDate', 'terminalId', 'kind', 'id', 'reference', 'status', 'amountMinor', 'refundedMinor',
  'brandOrScheme', 'at', 'feeMinor',
] as const; // prettier-ignore
export const GATEWAY_CSV_TOTALS_COLUMNS = ['count', 'approvedMinor', 'refundedMinor', 'netMinor'] as const;

const TOTALS_HEADER = GATEWAY_CSV_TOTALS_COLUMNS.join(',');
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function minorAt(line: number, column: string, text: string | undefined, min: number): number {
  const n = parseMinor(text ?? '');
  if (n === null || n < min) throw refuse(line, 'amount', { column, found: text });
  return n;
}

function paymentOf(
  line: number,
  f: readonly string[],
  day: { date: string; terminal: string },
): GatewayPayment {
  const [businessDate, terminalId, kind, id, reference, status, amount, refunded, brand, at, fee] = f as [
    string, string, string, string, string, string, string, string, string, string, string,
  ]; // prettier-ignore
  if (!DATE.test(businessDate) || (day.date !== '' && businessDate !== day.date)) {
    throw refuse(line, 'field', { column: 'businessDate', found: businessDate });
  }
  if (terminalId === '' || (day.terminal !== '' && terminalId !== day.terminal)) {
    throw refuse(line, 'field', { column: 'terminalId', found: terminalId });
  }
  day.date = businessDate;
  day.terminal = terminalId;
  if (kind !== 'card' && kind !== 'qr') throw refuse(line, 'field', { column: 'kind', found: kind });
  if (id === '') throw refuse(line, 'field', { column: 'id', found: id });
  if (!ReferenceSchema.safeParse(reference).success)
    throw refuse(line, 'field', { column: 'reference', found: reference });
  if (!INSTANT.test(at) || Number.isNaN(Date.parse(at)))
    throw refuse(line, 'time', { column: 'at', found: at });
  return {
    kind,
    id,
    reference,
    status,
    amountMinor: minorAt(line, 'amountMinor', amount, 1),
    refundedMinor: minorAt(line, 'refundedMinor', refunded, 0),
    brandOrScheme: brand,
    at,
    feeMinor: minorAt(line, 'feeMinor', fee, 0),
  };
}

export function gatewayCsvParser(): SettlementParser {
  let state: 'header' | 'rows' | 'totals' | 'done' = 'header';
  const day = { date: '', terminal: '' };
  const counted = new PaymentCount();
  let rows = 0;
  let summary: SettlementSummary | null = null;
  return {
    encoding: 'utf8',
    feed(line, text) {
      if (state === 'header') {
        checkHeader(line, text.split(','), GATEWAY_CSV_COLUMNS);
        state = 'rows';
      } else if (state === 'rows' && text !== TOTALS_HEADER) {
        const payment = paymentOf(line, fieldsOf(line, text, GATEWAY_CSV_COLUMNS.length), day);
        const out = gatewayPaymentRows(line, payment, day.terminal);
        counted.add(payment);
        rows += out.length;
        return out;
      } else if (state === 'rows') {
        state = 'totals';
      } else if (state === 'totals') {
        const [count, approvedMinor, refundedMinor, netMinor] = GATEWAY_CSV_TOTALS_COLUMNS.map((c, i) =>
          minorAt(
            line,
            c,
            fieldsOf(line, text, GATEWAY_CSV_TOTALS_COLUMNS.length)[i],
            c === 'netMinor' ? -Infinity : 0,
          ),
        ) as [number, number, number, number];
        summary = checkGatewayTotals(line, counted, { count, approvedMinor, refundedMinor, netMinor }, rows);
        state = 'done';
      } else if (text.trim() !== '') {
        throw refuse(line, 'trailing');
      }
      return [];
    },
    end: (lastLine) => summaryAtEnd(lastLine, summary),
  };
}
