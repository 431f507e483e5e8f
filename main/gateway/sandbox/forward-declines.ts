// Declines armed for a terminal's next stored offline forwards (POST /admin/differences
// `decline-next-forwards`): the issuer refuses a payment the till already let the customer walk away with,
// whatever the card or amount. Taken inside the authorize request's transaction, so a replay of that request
// answers the same decline without taking another.
import type { Decision } from './card-rules';
import type { Ledger } from './ledger';

export const FORWARD_DECLINED: Decision = {
  status: 'declined',
  responseCode: '05',
  message: 'do not honour (declined after forward)',
};

/** Sets how many of the terminal's next forwards are declined (0 disarms). */
export function armForwardDeclines(ledger: Ledger, terminalId: string, count: number): void {
  ledger.db
    .prepare(
      `INSERT INTO forward_declines (terminal_id, remaining) VALUES (?, ?)
       ON CONFLICT (terminal_id) DO UPDATE SET remaining = excluded.remaining`,
    )
    .run(terminalId, count);
}

/** True (and one fewer armed) when the terminal's next forward is to be declined. */
export function takeForwardDecline(ledger: Ledger, terminalId: string): boolean {
  const r = ledger.db
    .prepare('UPDATE forward_declines SET remaining = remaining - 1 WHERE terminal_id = ? AND remaining > 0')
    .run(terminalId);
  return r.changes === 1;
}
