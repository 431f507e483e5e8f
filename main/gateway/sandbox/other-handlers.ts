// Settlement, sale upload, heartbeat, the card-encryption key and ping: the routes that charge no card.
import { z } from 'zod';
import { HeartbeatRequestSchema, SaleUploadSchema } from '../protocol/schemas';
import { handler, ok } from './handler-kit';
import { refreshQrOrder } from './qr-handlers';
import { buildSettlement } from './settlement';

const NoParams = z.strictObject({});

export const settlement = handler(
  z.undefined(),
  z.strictObject({ businessDate: z.iso.date() }),
  (ctx, _body, { businessDate }) =>
    ok(
      buildSettlement({
        ledger: ctx.ledger,
        terminalId: ctx.terminalId,
        businessDate,
        currency: ctx.config.currency,
        timeZone: ctx.config.businessTimeZone,
        qrOrders: ctx.ledger.qrOrders(ctx.terminalId).map((o) => refreshQrOrder(ctx, o, false)),
      }),
    ),
);

export const heartbeat = handler(HeartbeatRequestSchema, NoParams, (ctx, req) => {
  ctx.ledger.recordHeartbeat({ terminalId: ctx.terminalId, ...req, receivedAt: ctx.now.toISOString() });
  return ok({
    serverTime: ctx.now.toISOString(),
    terminalStatus: ctx.config.isSuspended(ctx.terminalId) ? 'suspended' : 'active',
  });
});

export const cardKey = handler(z.undefined(), NoParams, (ctx) => ok(ctx.config.cardKey));

export const ping = handler(z.undefined(), NoParams, (ctx) => ok({ serverTime: ctx.now.toISOString() }));

/** Idempotent by saleId as well as by key: a re-upload answers with the first receipt time. */
export const uploadSale = handler(SaleUploadSchema, NoParams, (ctx, sale) =>
  ok({ saleId: sale.saleId, receivedAt: ctx.ledger.recordSale(ctx.terminalId, sale, ctx.now.toISOString()) }),
);
