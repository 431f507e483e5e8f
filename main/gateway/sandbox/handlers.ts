// One handler per protocol route; the Record type makes a route without a handler a compile error.
import { authorize, capture, lookupPayment, lookupRefund, refund, voidPayment } from './card-handlers';
import type { RouteHandler } from './handler-kit';
import { cardKey, heartbeat, ping, settlement, uploadSale } from './other-handlers';
import { micropay, queryQr, refundQr, reverseQr } from './qr-handlers';
import type { RouteName } from './router';

export const HANDLERS: Record<RouteName, RouteHandler> = {
  authorize,
  capture,
  void: voidPayment,
  refund,
  lookupPayment,
  lookupRefund,
  micropay,
  queryQr,
  reverseQr,
  refundQr,
  settlement,
  heartbeat,
  uploadSale,
  cardKey,
  ping,
};
