// What every route handler gets: the ledger, the calling terminal, the request's clock reading and the
// gateway's configuration. Handlers run synchronously inside the request's one SQLite transaction.
import type { CardKey } from '../protocol/schemas';
import type { CardDecryptor } from './card-decryptor';
import type { Ledger } from './ledger';
import type { QrTiming } from './qr-rules';

export interface GatewayConfig {
  readonly decryptCard: CardDecryptor;
  readonly cardKey: CardKey;
  readonly qrTiming: QrTiming;
  /** the merchant account's currency; payments in another currency are refused */
  readonly currency: string;
  /** IANA zone whose calendar date is a payment's business date */
  readonly businessTimeZone: string;
  readonly isSuspended: (terminalId: string) => boolean;
}

export interface HandlerContext {
  readonly ledger: Ledger;
  readonly terminalId: string;
  readonly now: Date;
  readonly config: GatewayConfig;
}

export interface HandlerResult {
  readonly status: number;
  readonly body: unknown;
}
